package cn.gov.zhuzhou.duban.common.error;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Names the path or query parameter that JAX-RS could not convert, from what the request carried: the exception
 * itself names only a Java type ("No enum constant cn.gov…TaskKind.BOGUS"), which never reaches a body.
 */
final class BadParameter {

    private static final Pattern NO_ENUM_CONSTANT = Pattern.compile("No enum constant ([\\w.$]+)\\.([^.]*)$");

    /** Conversion messages quote the rejected text, e.g. {@code Text '2026-13-45' could not be parsed}. */
    private static final Pattern QUOTED_VALUE = Pattern.compile("'([^']*)'");

    private BadParameter() {
    }

    static Problem.Violation of(Throwable conversion, UriInfo uri) {
        String message = conversion.getMessage() == null ? "" : conversion.getMessage();
        Matcher enumMatch = NO_ENUM_CONSTANT.matcher(message);
        if (enumMatch.find()) {
            String allowed = allowedValues(enumMatch.group(1));
            String value = enumMatch.group(2);
            String name = parameterWithValue(uri.getQueryParameters(), value);
            String where = name != null ? "查询参数" : "路径参数";
            if (name == null) {
                name = parameterWithValue(uri.getPathParameters(), value);
            }
            return new Problem.Violation(name == null ? "" : name,
                    where + "取值 " + value + " 不在允许范围内" + (allowed == null ? "" : "，可选值：" + allowed));
        }
        for (Map.Entry<String, List<String>> path : uri.getPathParameters().entrySet()) {
            if (isIdentifier(path.getKey()) && path.getValue().stream().anyMatch(v -> !isLong(v))) {
                return new Problem.Violation(path.getKey(), "路径参数须为整数编号");
            }
        }
        for (Map.Entry<String, List<String>> query : uri.getQueryParameters().entrySet()) {
            if (isIdentifier(query.getKey()) && query.getValue().stream().anyMatch(v -> !isLong(v))) {
                return new Problem.Violation(query.getKey(), "查询参数须为整数");
            }
        }
        Matcher quoted = QUOTED_VALUE.matcher(message);
        if (quoted.find()) {
            String value = quoted.group(1);
            String name = parameterWithValue(uri.getQueryParameters(), value);
            if (name != null) {
                return new Problem.Violation(name, "查询参数取值 " + value + " 格式不正确" + (looksLikeDate(value) ? "（日期格式为 yyyy-MM-dd）" : ""));
            }
        }
        return new Problem.Violation("", "查询参数或路径参数格式不正确");
    }

    private static boolean looksLikeDate(String value) {
        return value.matches("\\d{1,4}-.*");
    }

    private static boolean isIdentifier(String name) {
        return name.equals("id") || name.endsWith("Id") || name.equals("page") || name.equals("size");
    }

    private static boolean isLong(String value) {
        try {
            Long.parseLong(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String parameterWithValue(MultivaluedMap<String, String> parameters, String value) {
        return parameters.entrySet().stream().filter(p -> p.getValue().contains(value)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    private static String allowedValues(String enumClass) {
        try {
            Class<?> type = Class.forName(enumClass, false, Thread.currentThread().getContextClassLoader());
            Object[] constants = type.getEnumConstants();
            return constants == null ? null
                    : Arrays.stream(constants).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining("、"));
        } catch (ClassNotFoundException e) {
            return null;
        }
    }
}
