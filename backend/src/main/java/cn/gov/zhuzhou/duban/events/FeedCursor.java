package cn.gov.zhuzhou.duban.events;

import cn.gov.zhuzhou.duban.common.error.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The feed's opaque cursor: the feed sequence of the last event a caller has read, encoded so that clients keep it as
 * it is rather than do arithmetic on it (the encoding may change; old cursors stay readable while it does).
 */
public final class FeedCursor {

    private static final String PREFIX = "e1.";

    private FeedCursor() {
    }

    public static String encode(long feedSeq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + feedSeq).getBytes(StandardCharsets.US_ASCII));
    }

    /** The feed sequence behind {@code cursor}; no cursor is the start of the feed; anything else is a 400 on {@code after}. */
    public static long decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.US_ASCII);
            if (text.startsWith(PREFIX)) {
                long seq = Long.parseLong(text.substring(PREFIX.length()));
                if (seq >= 0) {
                    return seq;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal below (NumberFormatException is an IllegalArgumentException)
        }
        throw new InvalidRequestException("after", "游标无效：请使用上一页返回的 next 原样传回");
    }
}
