package cn.gov.zhuzhou.duban.common.error;

import static cn.gov.zhuzhou.duban.support.Api.office;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.zhuzhou.duban.support.LogCapture;
import cn.gov.zhuzhou.duban.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/**
 * A client that goes away while its answer is written (a closed tab, a client's time-out, a load generator stopping)
 * is a normal event: the service notes it at DEBUG and raises no incident (sessions 20 and 21 saw each such request in
 * the bench logged as an ERROR "unexpected failure" with a 500 that could not be sent). The answer is the test-only
 * {@link LargeAnswerTestResource}'s: the test data has none large enough to keep the service writing.
 */
@QuarkusTest
class ClientGoneTest {

    @Test
    void aClientThatLeavesWhileItsAnswerIsWrittenIsNoIncident() throws Exception {
        try (LogCapture log = LogCapture.of(ProblemMappers.class.getName(), Level.FINE)) {
            try (Socket client = new Socket()) {
                // a receive buffer of its own size: the kernel would otherwise grow it to take in the whole answer
                // (tcp_rmem allows 32 MB here), and the service would finish writing before the client went
                client.setReceiveBufferSize(64 * 1024);
                client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), RestAssured.port));
                OutputStream out = client.getOutputStream();
                out.write(("GET /test-only/large-answer HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + Tokens.office()
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                // the client reads the start of its answer, stops reading (the service's writes wait for it) and goes:
                // an answer whose client goes while it is being written
                byte[] status = client.getInputStream().readNBytes(12);
                assertThat(new String(status, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
                Thread.sleep(500);
            }
            assertNotedAsAClientGone(log, "the service was writing the answer when its client went");
        }
        // the service serves the next client as ever
        office().get("/api/v1/tasks").then().statusCode(200);
    }

    /**
     * The same while its body is still being read: Vert.x closes the request's response with the connection, so the
     * same check sees it. (The bench's write runs still log a few ERRORs of another shape at their end, an IOException
     * caused by ClosedChannelException with the response not marked closed: session22.md; not reproduced here.)
     */
    @Test
    void aClientThatLeavesWhileItsRequestIsReadIsNoIncident() throws Exception {
        try (LogCapture log = LogCapture.of(ProblemMappers.class.getName(), Level.FINE)) {
            try (Socket client = new Socket()) {
                client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), RestAssured.port));
                OutputStream out = client.getOutputStream();
                // a problem raised over a connection that drops mid-upload: the body announced, a tenth of it sent
                out.write(("POST /api/v1/problems HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + Tokens.office()
                        + "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"description\": \"" + "材料".repeat(1500))
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(500);
            }
            assertNotedAsAClientGone(log, "the service was reading the body when its client went");
        }
        office().get("/api/v1/problems").then().statusCode(200);
    }

    /** The service noted the request (within 10 s), as a client gone at DEBUG, with no WARNING or ERROR. */
    private static void assertNotedAsAClientGone(LogCapture log, String what) throws InterruptedException {
        long until = System.nanoTime() + 10_000_000_000L;
        while (log.entries().isEmpty() && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertThat(log.entries()).as(what).isNotEmpty();
        assertThat(log.entries()).as("no incident for the operator").noneMatch(e -> e.level().intValue() >= Level.WARNING.intValue());
        assertThat(log.messages()).anyMatch(m -> m.contains("client closed the connection before its answer was written"));
    }
}
