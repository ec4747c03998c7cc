package cn.gov.zhuzhou.duban.common.observability;

import static cn.gov.zhuzhou.duban.support.Api.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With tracing on (what DUBAN_OTEL_ENABLED=true sets), a request is a server span and its statements are JDBC spans
 * under it, in the same trace. The one suite with OpenTelemetry on; the spans are kept in memory here instead of being
 * sent to a collector.
 */
@QuarkusTest
@TestProfile(TracingTest.TracingOn.class)
class TracingTest {

    public static class TracingOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(TracingSwitch.SDK_DISABLED, "false", TracingSwitch.JDBC_TELEMETRY, "true",
                    "quarkus.otel.bsp.schedule.delay", "50ms",
                    // nothing listens there: the OTLP exporter's failures are its own, the in-memory one keeps the spans
                    "quarkus.otel.exporter.otlp.traces.endpoint", "http://127.0.0.1:9");
        }
    }

    /**
     * Keeps every finished span (a SpanExporter bean is one of Quarkus' exporters). opentelemetry-sdk-testing's own
     * in-memory exporter is not used: its jar installs a context storage that clashes with Quarkus'.
     */
    @Singleton
    public static class KeptSpans implements SpanExporter {
        private final List<SpanData> finished = new CopyOnWriteArrayList<>();

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            finished.addAll(spans);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }

        List<SpanData> getFinishedSpanItems() {
            return List.copyOf(finished);
        }

        void reset() {
            finished.clear();
        }
    }

    @Inject
    KeptSpans spans;

    @Test
    void aRequestAndItsStatementsAreOneTrace() throws InterruptedException {
        spans.reset();
        String id = "trace-" + System.nanoTime();
        given().header(RequestId.HEADER, id).get("/api/v1/tasks/{id}", cn.gov.zhuzhou.duban.support.Api.taskId("N8.2"))
                .then().statusCode(200);
        List<SpanData> server = List.of();
        for (int i = 0; i < 50 && server.size() < 2; i++) {
            Thread.sleep(100);
            server = spans.getFinishedSpanItems().stream().filter(s -> s.getKind() == SpanKind.SERVER).toList();
        }
        SpanData byId = server.stream().filter(s -> s.getName().contains("/api/v1/tasks/{id}")).findFirst()
                .orElseThrow(() -> new AssertionError("no server span of GET /api/v1/tasks/{id}: " + spans.getFinishedSpanItems()));
        List<SpanData> jdbc = spans.getFinishedSpanItems().stream()
                .filter(s -> s.getKind() == SpanKind.CLIENT && s.getTraceId().equals(byId.getTraceId())).toList();
        assertThat(jdbc).as("the statements of the request, in its trace").isNotEmpty();
        assertThat(jdbc).anyMatch(s -> s.getAttributes().asMap().keySet().stream().anyMatch(k -> k.getKey().startsWith("db.")));
    }
}
