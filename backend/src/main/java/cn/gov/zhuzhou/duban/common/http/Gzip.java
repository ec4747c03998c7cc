package cn.gov.zhuzhou.duban.common.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Gzip as the service makes it, at the fastest level (10 MB of JSON in tens of milliseconds, still about a tenth of the
 * size): {@link PreparedJson}'s answers, and small byte arrays kept gzipped on the heap between requests (one unit's
 * lines of the kept year's assessment: ~25 KB of JSON, ~3 KB gzipped).
 */
public final class Gzip {

    private Gzip() {
    }

    /** A gzip stream at the fastest level into {@code out}, with a buffer of {@code bufferSize} bytes. */
    public static GZIPOutputStream fastest(OutputStream out, int bufferSize) throws IOException {
        return new GZIPOutputStream(out, bufferSize) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
    }

    /** {@code bytes} gzipped. */
    public static byte[] compress(byte[] bytes) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(Math.max(64, bytes.length / 6));
        try (GZIPOutputStream gz = fastest(buffer, 8 * 1024)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    /** The bytes {@code gzipped} holds, read as they are inflated. */
    public static InputStream inflating(byte[] gzipped) {
        try {
            return new GZIPInputStream(new ByteArrayInputStream(gzipped), 8 * 1024);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
