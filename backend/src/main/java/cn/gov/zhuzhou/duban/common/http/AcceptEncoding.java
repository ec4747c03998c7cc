package cn.gov.zhuzhou.duban.common.http;

import java.util.Locale;

/**
 * Whether a client takes a gzip-encoded answer, from its {@code Accept-Encoding} header (RFC 9110 section 12.5.3):
 * {@code gzip} (or {@code x-gzip}) or {@code *} with a non-zero weight, and not refused by {@code gzip;q=0}. No header
 * means identity only: an answer is compressed only for a client that says it can read it.
 */
public final class AcceptEncoding {

    private AcceptEncoding() {
    }

    public static boolean takesGzip(String header) {
        if (header == null || header.isBlank()) {
            return false;
        }
        Boolean gzip = null;
        Boolean any = null;
        for (String part : header.split(",")) {
            String[] pieces = part.split(";");
            String coding = pieces[0].trim().toLowerCase(Locale.ROOT);
            boolean accepted = weight(pieces) > 0;
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                gzip = accepted;
            } else if (coding.equals("*")) {
                any = accepted;
            }
        }
        return gzip != null ? gzip : Boolean.TRUE.equals(any);
    }

    /** The coding's weight: 1 without {@code q}; an unreadable {@code q} counts as a refusal. */
    private static double weight(String[] pieces) {
        for (int i = 1; i < pieces.length; i++) {
            String p = pieces[i].trim();
            if (p.length() > 1 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.substring(1).trim().startsWith("=")) {
                try {
                    return Double.parseDouble(p.substring(p.indexOf('=') + 1).trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
