package cn.gov.zhuzhou.duban.common.error;

import cn.gov.zhuzhou.duban.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.Arrays;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Test-only (src/test: never in the service, hidden from the contract): an answer of 32 MB, streamed as the year's
 * assessment is to a client that takes no gzip, larger than the buffers between the service and a client that keeps its receive buffer small,
 * so a client that stops reading and goes away leaves the service in the middle of writing it. The test data has no
 * answer that large (the province's year is ~10 MB).
 */
@Path("/test-only/large-answer")
public class LargeAnswerTestResource {

    static final int SIZE = 32 * 1024 * 1024;

    @GET
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @RolesAllowed(Roles.OFFICE)
    @Operation(hidden = true)
    public StreamingOutput get() {
        return out -> {
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) ' ');
            for (int written = 0; written < SIZE; written += chunk.length) {
                out.write(chunk);
            }
        };
    }
}
