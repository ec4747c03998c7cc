package cn.gov.zhuzhou.duban.support;

import cn.gov.zhuzhou.duban.common.time.ClockProducer;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** The service's clock in tests: the real time until a test moves it, so workflows cross months without sleeping. */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    private volatile Instant fixed;

    /** Stops the clock at this Asia/Shanghai wall-clock time. */
    public void set(LocalDateTime shanghaiTime) {
        fixed = shanghaiTime.atZone(ClockProducer.ZONE).toInstant();
    }

    /** Back to the real time. */
    public void reset() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return ClockProducer.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        Instant at = fixed;
        return at == null ? Instant.now() : at;
    }
}
