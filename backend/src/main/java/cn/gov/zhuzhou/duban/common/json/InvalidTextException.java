package cn.gov.zhuzhou.duban.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** A string field of a request body that is not clean text; its message is the zh-CN reason. */
public class InvalidTextException extends MismatchedInputException {

    private final String reason;

    public InvalidTextException(JsonParser parser, String reason) {
        super(parser, reason, String.class);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
