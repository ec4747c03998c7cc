package cn.gov.zhuzhou.duban.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * What every request body must be, in one place for all of them: no key twice in one object (Jackson's strict
 * duplicate detection), and text that is valid Unicode without control characters (other than tab, line feed and
 * carriage return) in every string field. A refused string fails as an {@link InvalidTextException} carrying the
 * field's path, which common/error turns into a 400 naming the field.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.registerModule(new SimpleModule("duban-strict-text").addDeserializer(String.class, new CleanText()));
    }

    /** Where {@code text} breaks the rule, as a zh-CN reason; null when it is clean. */
    public static String flaw(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "含有未配对的代理项（不是合法的 Unicode 文本）";
            }
            if (Character.isLowSurrogate(c)) {
                return "含有未配对的代理项（不是合法的 Unicode 文本）";
            }
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return "含有不允许的控制字符";
            }
        }
        return null;
    }

    /** Jackson's own string deserializer, followed by the check. */
    static final class CleanText extends StdScalarDeserializer<String> {

        CleanText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = StringDeserializer.instance.deserialize(p, ctxt);
            if (text != null) {
                String flaw = flaw(text);
                if (flaw != null) {
                    throw new InvalidTextException(p, flaw);
                }
            }
            return text;
        }
    }
}
