package cn.gov.zhuzhou.duban.common.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One switch turns the OpenTelemetry SDK and the JDBC spans on or off together; off unless asked. */
class TracingSwitchTest {

    @AfterEach
    void clear() {
        System.clearProperty("duban.otel.enabled");
    }

    @Test
    void offUnlessAsked() {
        TracingSwitch source = new TracingSwitch();
        if (System.getenv("DUBAN_OTEL_ENABLED") == null) {
            assertThat(source.getValue(TracingSwitch.SDK_DISABLED)).isEqualTo("true");
            assertThat(source.getValue(TracingSwitch.JDBC_TELEMETRY)).isEqualTo("false");
        }
        System.setProperty("duban.otel.enabled", "no");
        assertThat(source.getValue(TracingSwitch.SDK_DISABLED)).isEqualTo("true");
    }

    @Test
    void onTurnsBothOn() {
        System.setProperty("duban.otel.enabled", " true ");
        TracingSwitch source = new TracingSwitch();
        assertThat(source.getValue(TracingSwitch.SDK_DISABLED)).isEqualTo("false");
        assertThat(source.getValue(TracingSwitch.JDBC_TELEMETRY)).isEqualTo("true");
        assertThat(source.getPropertyNames()).containsExactlyInAnyOrder(TracingSwitch.SDK_DISABLED, TracingSwitch.JDBC_TELEMETRY);
        // below the environment (300), above application.properties (250)
        assertThat(source.getOrdinal()).isBetween(251, 299);
    }
}
