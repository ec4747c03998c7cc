package cn.gov.zhuzhou.duban.common.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Small byte arrays kept gzipped on the heap between requests (one unit's lines of the kept year's assessment: ~25 KB of
 * JSON, ~3 KB gzipped), at the fastest level, as {@link PreparedJson} gzips its answers.
 */
public final class Gzip {

    private Gzip() {
    }

    /** {@code bytes} gzipped. */
    public static byte[] compress(byte[] bytes) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(Math.max(64, bytes.length / 6));
        try (GZIPOutputStream gz = new GZIPOutputStream(buffer, 8 * 1024) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    /** The bytes {@code gzipped} holds, read as they are inflated. */
    public static InputStream inflating(byte[] gzipped) {
        try {
            return new GZIPInputStream(new java.io.ByteArrayInputStream(gzipped), 8 * 1024);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
