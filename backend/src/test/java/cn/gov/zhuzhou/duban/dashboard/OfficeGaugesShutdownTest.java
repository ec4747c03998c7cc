package cn.gov.zhuzhou.duban.dashboard;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.zhuzhou.duban.common.config.DubanConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * On shutdown a count of the office gauges under way finishes before the database layer closes: the shutdown observer
 * returns only when it is done (Hibernate closes after the observers), and no count starts after it. Quarkus' own
 * simple scheduler would not give this (deploy/bench-notes/ops-review.md), hence the gauges' own thread. Plain JUnit.
 */
class OfficeGaugesShutdownTest {

    @Test
    void stopWaitsForTheCountUnderWayAndNoCountStartsAfterIt() throws Exception {
        CountDownLatch counting = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger counts = new AtomicInteger();
        AtomicBoolean cutOff = new AtomicBoolean();
        OfficeGauges gauges = new OfficeGauges(null, null, null, null, Clock.systemUTC(), refreshEvery(Duration.ofMillis(50)),
                new SimpleMeterRegistry()) {
            @Override
            public Counts refresh() {
                counts.incrementAndGet();
                counting.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    cutOff.set(true); // what shutdownNow did: the count's database work cut off in the middle
                    Thread.currentThread().interrupt();
                }
                return null;
            }
        };
        gauges.start(null);
        assertThat(counting.await(30, SECONDS)).as("the first count starts (5 s after start)").isTrue();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> {
            try {
                gauges.stop(null);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(500);
        assertThat(stopping).as("the shutdown observer waits while a count is under way").isNotDone();
        release.countDown();
        stopping.get(10, SECONDS);
        assertThat(cutOff).as("the count under way was not interrupted").isFalse();

        int after = counts.get();
        Thread.sleep(300); // six refresh periods
        assertThat(counts.get()).as("no count starts after the shutdown observer").isEqualTo(after);
    }

    /** A configuration whose only answer is the gauges' refresh period (all OfficeGauges reads of it). */
    private static DubanConfig refreshEvery(Duration every) {
        DubanConfig.Dashboard dashboard = (DubanConfig.Dashboard) Proxy.newProxyInstance(DubanConfig.class.getClassLoader(),
                new Class<?>[] {DubanConfig.Dashboard.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "gaugesRefresh" -> every;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (DubanConfig) Proxy.newProxyInstance(DubanConfig.class.getClassLoader(), new Class<?>[] {DubanConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "dashboard" -> dashboard;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
