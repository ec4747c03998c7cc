package cn.gov.zhuzhou.duban.publication;

import cn.gov.zhuzhou.duban.common.document.DocumentFormat;
import cn.gov.zhuzhou.duban.common.error.InvalidRequestException;
import java.util.Arrays;

/** A document format as a path segment: its file extension (pdf, xlsx, csv), any case. */
final class DocumentFormats {

    private DocumentFormats() {
    }

    static DocumentFormat parse(String text) {
        return Arrays.stream(DocumentFormat.values()).filter(f -> f.extension().equalsIgnoreCase(text == null ? "" : text.strip()))
                .findFirst().orElseThrow(() -> new InvalidRequestException("format", "只能是 pdf、xlsx 或 csv"));
    }
}
