package cn.gov.zhuzhou.duban.common.http;

import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * An answer written to JSON once and, where it is large, gzipped once, then sent to many requests: each gets the
 * encoding its Accept-Encoding takes (issue 11: the year's assessment is ~10 MB of JSON and ~1 MB gzipped, a plan's tree
 * of 2 000 tasks ~1.5 MB and ~0.1 MB; each answer waits whole in native memory until its client has read it, a dozen at
 * once when a shared round ends, so sending the gzipped bytes is what keeps the resident set bounded).
 * The answer always names {@code Vary: Accept-Encoding}, so a cache keeps the two encodings apart.
 * <p>
 * A large answer is held gzipped only: a client that takes no gzip (rare: browsers and the SPA always take it) gets it
 * inflated as it is sent, 64 KB at a time, so no request and no kept answer holds the whole plain JSON (session 19: the
 * kept assessment's 10 MB plain array lived as long as the answer, reached the old generation each round, and with a
 * change a second the run had 33 full collections instead of 14).
 * <p>
 * The bytes are handed to the HTTP layer as they are held, never copied per request onto the heap. An answer kept
 * between rounds ({@link #gzippedToKeep}) lives once in native memory, which the server writes to every socket as it is
 * (a kept answer is read hundreds of times a second; session 18 found each request copying the megabyte onto the heap,
 * and the server copying that into a native buffer of its own, 230 MB of them at 200 clients, and a full collection
 * every few seconds). A round's answer ({@link #gzipped}), given only to the requests of its round, stays on the heap,
 * where it goes with the round (the server copies it once into a pooled native buffer per request): native memory
 * taken per round would wait for a collection to be given back.
 */
public final class PreparedJson {

    /** The OpenAPI description of the Content-Encoding header such an answer may carry. */
    public static final String CONTENT_ENCODING_DOC = "gzip when the answer is sent compressed to a client that accepts it "
            + "(Accept-Encoding: gzip, as a browser's does); absent for plain JSON.";
    /** The OpenAPI description of its Vary header. */
    public static final String VARY_DOC = "Accept-Encoding: caches keep the plain and the gzipped answer apart.";

    /** A small answer's JSON (null for a gzipped one). */
    private final Buffer json;
    /** A large answer's gzipped JSON (null for a small one), sent as it is or inflated, and the length of its JSON. */
    private final ByteBuffer gzip;
    private final long jsonLength;

    private PreparedJson(byte[] json) {
        this.json = Buffer.buffer(Unpooled.wrappedBuffer(json));
        this.gzip = null;
        this.jsonLength = json.length;
    }

    private PreparedJson(ByteBuffer gzip, long jsonLength) {
        this.json = null;
        this.gzip = gzip;
        this.jsonLength = jsonLength;
    }

    /** A small answer: always sent as plain JSON. */
    public static PreparedJson plain(byte[] json) {
        return new PreparedJson(json);
    }

    /** A large answer given to one round's requests: gzipped now, held on the heap. */
    public static PreparedJson gzipped(byte[] json) {
        Gzipped g = gzip(out -> out.write(json), Math.max(64, json.length / 8));
        return new PreparedJson(ByteBuffer.wrap(g.bytes()), g.jsonLength());
    }

    /**
     * A large answer kept and given again between rounds, written by {@code json} straight into the compressor, so the
     * plain JSON never exists whole (the year's assessment: ~10 MB less to allocate and copy each time it is made; the
     * rest of a build's working set still outgrows the survivor spaces, session 20); held once in native memory.
     */
    public static PreparedJson gzippedToKeep(JsonWriter json) {
        Gzipped g = gzip(json, 64 * 1024);
        return new PreparedJson(ByteBuffer.allocateDirect(g.bytes().length).put(g.bytes()).flip(), g.jsonLength());
    }

    /** Writes an answer's JSON to a stream (e.g. {@code out -> mapper.writeValue(out, view)}). */
    @FunctionalInterface
    public interface JsonWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    private record Gzipped(byte[] bytes, long jsonLength) {
    }

    /** Gzipped at the fastest level ({@link Gzip#fastest}). */
    private static Gzipped gzip(JsonWriter json, int expectedSize) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(expectedSize);
        long[] length = {0};
        try (GZIPOutputStream gz = Gzip.fastest(buffer, 64 * 1024)) {
            // counts the plain bytes on their way into the compressor (the Content-Length of an inflated answer);
            // the writer may close it (a mapper does), which finishes the gzip
            json.writeTo(new FilterOutputStream(gz) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    length[0] += len;
                }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    length[0]++;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Gzipped(buffer.toByteArray(), length[0]);
    }

    /** The 200 answer for a client whose Accept-Encoding header is {@code headers}'. */
    public Response respond(HttpHeaders headers) {
        Response.ResponseBuilder ok;
        if (gzip == null) {
            ok = Response.ok(json, MediaType.APPLICATION_JSON_TYPE);
        } else if (AcceptEncoding.takesGzip(headers.getHeaderString(HttpHeaders.ACCEPT_ENCODING))) {
            // a wrapper of the held bytes (no copy): the server sends a slice of it and leaves the bytes as they are
            ok = Response.ok(Buffer.buffer(Unpooled.wrappedBuffer(gzip.duplicate())), MediaType.APPLICATION_JSON_TYPE)
                    .header(HttpHeaders.CONTENT_ENCODING, "gzip");
        } else {
            ok = Response.ok(inflated(), MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.CONTENT_LENGTH, jsonLength);
        }
        return ok.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING).build();
    }

    /** The plain JSON, inflated from the held gzip as it is written. */
    private StreamingOutput inflated() {
        return out -> {
            try (InputStream in = new GZIPInputStream(new ByteBufInputStream(Unpooled.wrappedBuffer(gzip.duplicate())), 64 * 1024)) {
                in.transferTo(out);
            }
        };
    }
}
