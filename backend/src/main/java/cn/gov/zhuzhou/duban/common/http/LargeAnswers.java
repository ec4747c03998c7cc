package cn.gov.zhuzhou.duban.common.http;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * An answer whose body is already made (a plan's tree, a year's assessment, a document: up to ~10 MB at province
 * scale), written to the client a slice at a time.
 * <p>
 * A {@code byte[]} entity is handed to the connection whole: Netty copies it into one native (direct) buffer of its
 * size, held until the client has read the last byte. A dozen 10 MB assessments written at once were ~120 MB of native
 * memory above the bounded heap: the resident set peaked at 711 MB in make bench (issue 11 asks for under 512 MB).
 * Written as a stream, each slice goes through the output stream's small pooled buffers, and the worker thread waits
 * while the connection's write queue is full: what an answer holds outside the heap is a few slices, whatever its size.
 * The length is known, so it is sent as {@code Content-Length}, not chunked.
 */
public final class LargeAnswers {

    /** Answers up to this size are handed over whole (their copy is small); larger ones are written in slices of it. */
    static final int SLICE = 64 * 1024;

    private LargeAnswers() {
    }

    /** A 200 answer of {@code body} as {@code type}; more headers can be added to the returned builder. */
    public static Response.ResponseBuilder ok(byte[] body, String type) {
        return ok(body, MediaType.valueOf(type));
    }

    /** A 200 answer of {@code body} as {@code type}; more headers can be added to the returned builder. */
    public static Response.ResponseBuilder ok(byte[] body, MediaType type) {
        if (body.length <= SLICE) {
            return Response.ok(body, type);
        }
        StreamingOutput slices = out -> {
            for (int offset = 0; offset < body.length; offset += SLICE) {
                out.write(body, offset, Math.min(SLICE, body.length - offset));
            }
        };
        return Response.ok(slices, type).header(HttpHeaders.CONTENT_LENGTH, body.length);
    }

    /** A 200 JSON answer of already-written JSON bytes. */
    public static Response json(byte[] body) {
        return ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
