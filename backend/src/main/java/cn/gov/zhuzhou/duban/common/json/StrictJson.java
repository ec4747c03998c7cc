package cn.gov.zhuzhou.duban.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.temporal.TemporalAccessor;
import java.util.List;

/**
 * What every request body must be, in one place for all of them: no key twice in one object (Jackson's strict
 * duplicate detection), and text that is valid Unicode without control characters (other than tab, line feed and
 * carriage return) in every string field. A refused string fails as an {@link InvalidTextException} carrying the
 * field's path, which common/error turns into a 400 naming the field.
 * <p>
 * And every value has the JSON type the contract gives it, where Jackson's defaults would take another and make
 * something of it (found by sending every operation of the contract values of the wrong type, session 23): an enum
 * is its name, not a number (Jackson took 0 as the first value: a session of the first type, a task's first status);
 * a whole number is not a fraction (1.5 was cut to 1: a unit id, a version, a progress) nor text in quotes; text is
 * not a number or a boolean; a true/false is not a number or text; a date or a time is text in its ISO form, not a
 * number of days or seconds since 1970 (a session "held on" 0 was held on 1970-01-01), an array of its parts or an
 * empty string. Each fails as Jackson's MismatchedInputException with the field's path: a 400 naming the field.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        for (LogicalType numberOrBoolean : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(numberOrBoolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("duban-strict-text").addDeserializer(String.class, new CleanText())
                .setDeserializerModifier(new TextOnlyTemporals()));
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

    /** A date or time (java.time) is read by Jackson's own deserializer, from a JSON string only. */
    static final class TextOnlyTemporals extends BeanDeserializerModifier {

        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                JsonDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            return TemporalAccessor.class.isAssignableFrom(type) ? new TextOnly(type, deserializer) : deserializer;
        }
    }

    /** Refuses every token but a string that is not blank (null never reaches a deserializer), then reads it with the delegate. */
    static final class TextOnly extends DelegatingDeserializer {

        private final Class<?> type;

        TextOnly(Class<?> type, JsonDeserializer<?> delegate) {
            super(delegate);
            this.type = type;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new TextOnly(type, delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return ctxt.handleUnexpectedToken(type, p);
            }
            if (p.getText().isBlank()) {
                // Jackson's own would read it as null: no value is written as null, or left out
                return ctxt.handleWeirdStringValue(type, p.getText(), "blank");
            }
            return _delegatee.deserialize(p, ctxt);
        }
    }

    /** A JSON string only, with the check. */
    static final class CleanText extends StdScalarDeserializer<String> {

        CleanText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                // a number or a boolean is not text (an array or an object never was)
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String text = p.getText();
            String flaw = flaw(text);
            if (flaw != null) {
                throw new InvalidTextException(p, flaw);
            }
            return text;
        }
    }
}
