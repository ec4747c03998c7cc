package cn.gov.zhuzhou.duban.common.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The {@code Idempotency-Key} request header (IETF httpapi draft "The Idempotency-Key HTTP Header Field"): a Structured
 * Field string, {@code "8e03978e-40d5-43e8-bc93-6894a57f9324"}; the bare form without quotes is accepted too. Keys
 * are 1 to 255 printable ASCII characters and compared exactly.
 */
public final class IdempotencyKey {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 255;

    private IdempotencyKey() {
    }

    /** The key in a header value, or empty when the value is not a valid key. */
    public static Optional<String> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            StringBuilder key = new StringBuilder();
            for (int i = 1; i < value.length() - 1; i++) {
                char c = value.charAt(i);
                if (c == '\\') {
                    if (i + 1 >= value.length() - 1) {
                        return Optional.empty();
                    }
                    char next = value.charAt(++i);
                    if (next != '"' && next != '\\') {
                        return Optional.empty();
                    }
                    key.append(next);
                } else if (c == '"') {
                    return Optional.empty();
                } else {
                    key.append(c);
                }
            }
            value = key.toString();
        }
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return Optional.empty();
            }
        }
        return Optional.of(value);
    }

    /** What makes two requests "the same": method, path with query, and the body's bytes, as SHA-256 in hex. */
    public static String fingerprint(String method, String pathAndQuery, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((method + ' ' + pathAndQuery + '\n').getBytes(StandardCharsets.UTF_8));
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
