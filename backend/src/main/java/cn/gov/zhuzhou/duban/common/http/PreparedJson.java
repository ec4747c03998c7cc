package cn.gov.zhuzhou.duban.common.http;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * An answer written to JSON once and, where it is large, gzipped once, then sent to many requests: each gets the
 * encoding its Accept-Encoding takes (issue 11: the year's assessment is ~10 MB of JSON and ~1 MB gzipped, a plan's tree
 * of 2 000 tasks ~1.5 MB and ~0.1 MB; each answer waits whole in native memory until its client has read it, a dozen at
 * once when a shared round ends, so sending the gzipped bytes is what keeps the resident set bounded).
 * The answer always names {@code Vary: Accept-Encoding}, so a cache keeps the two encodings apart.
 * <p>
 * The bytes are handed to the HTTP layer as they are held, never copied per request: the gzipped answer lives once in
 * native memory, which the server writes to every socket as it is (a kept answer is read hundreds of times a second;
 * session 18 found each request copying the megabyte onto the heap, and the server copying that into a native buffer
 * of its own, 230 MB of them at 200 clients, and a full collection every few seconds); the plain JSON, for the rare
 * client that takes no gzip, is wrapped as it is on the heap (the server still copies it once into a native buffer).
 */
public final class PreparedJson {

    /** The OpenAPI description of the Content-Encoding header such an answer may carry. */
    public static final String CONTENT_ENCODING_DOC = "gzip when the answer is sent compressed to a client that accepts it "
            + "(Accept-Encoding: gzip, as a browser's does); absent for plain JSON.";
    /** The OpenAPI description of its Vary header. */
    public static final String VARY_DOC = "Accept-Encoding: caches keep the plain and the gzipped answer apart.";

    private final Buffer json;
    private final Buffer gzip;

    private PreparedJson(byte[] json, byte[] gzip) {
        this.json = Buffer.buffer(Unpooled.wrappedBuffer(json));
        this.gzip = gzip == null ? null : Buffer.buffer(Unpooled.wrappedBuffer(ByteBuffer.allocateDirect(gzip.length).put(gzip).flip()));
    }

    /** A small answer: always sent as plain JSON. */
    public static PreparedJson plain(byte[] json) {
        return new PreparedJson(json, null);
    }

    /** A large answer: gzipped now, at the fastest level (10 MB of JSON in tens of milliseconds, still about a tenth of the size). */
    public static PreparedJson gzipped(byte[] json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, json.length / 8));
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 64 * 1024) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            gz.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PreparedJson(json, out.toByteArray());
    }

    /** The 200 answer for a client whose Accept-Encoding header is {@code headers}'. */
    public Response respond(HttpHeaders headers) {
        boolean gzipped = gzip != null && AcceptEncoding.takesGzip(headers.getHeaderString(HttpHeaders.ACCEPT_ENCODING));
        Response.ResponseBuilder ok = Response.ok(gzipped ? gzip : json, MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        return (gzipped ? ok.header(HttpHeaders.CONTENT_ENCODING, "gzip") : ok).build();
    }
}
