package cn.gov.zhuzhou.duban.common.observability;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Tracing is off unless {@code DUBAN_OTEL_ENABLED=true} (or {@code -Dduban.otel.enabled=true}): this source turns the
 * OpenTelemetry SDK and the JDBC spans on together. Its ordinal (260) puts it above application.properties and below
 * the environment, so {@code QUARKUS_OTEL_SDK_DISABLED} still decides when an operator sets it. Where the spans go:
 * {@code DUBAN_OTEL_ENDPOINT} (OTLP gRPC, application.properties).
 */
public class TracingSwitch implements ConfigSource {

    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    static final String JDBC_TELEMETRY = "quarkus.datasource.jdbc.telemetry.enabled";

    @Override
    public Map<String, String> getProperties() {
        boolean on = enabled();
        return Map.of(SDK_DISABLED, Boolean.toString(!on), JDBC_TELEMETRY, Boolean.toString(on));
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(SDK_DISABLED, JDBC_TELEMETRY);
    }

    @Override
    public String getValue(String name) {
        return getProperties().get(name);
    }

    @Override
    public String getName() {
        return "duban-tracing-switch";
    }

    @Override
    public int getOrdinal() {
        return 260;
    }

    static boolean enabled() {
        String value = System.getProperty("duban.otel.enabled", System.getenv("DUBAN_OTEL_ENABLED"));
        return value != null && Boolean.parseBoolean(value.trim());
    }
}
