package cn.gov.zhuzhou.duban.common.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Concurrent requests for one heavy read share a computation that started after they arrived (plain JUnit). */
class SharedReadTest {

    final SharedRead<String, Integer> reads = new SharedRead<>();
    final ExecutorService pool = Executors.newCachedThreadPool();
    final AtomicInteger rounds = new AtomicInteger();
    final AtomicInteger atOnce = new AtomicInteger();
    final AtomicInteger mostAtOnce = new AtomicInteger();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** A computation that counts its rounds, notes how many run at once and holds until {@code release} opens. */
    Integer compute(CountDownLatch started, CountDownLatch release) {
        int now = atOnce.incrementAndGet();
        mostAtOnce.accumulateAndGet(now, Math::max);
        int round = rounds.incrementAndGet();
        started.countDown();
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            atOnce.decrementAndGet();
        }
        return round;
    }

    /** A round of {@code key} that has started to compute and holds until {@code release} opens. */
    record Computing(Future<Integer> result, CountDownLatch release) {
    }

    Computing computing(String key) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Integer> result = pool.submit(() -> reads.get(key, () -> compute(started, release)));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        return new Computing(result, release);
    }

    @Test
    void requestsArrivingWhileARoundComputesShareTheNextRoundNotTheOneAlreadyReading() throws Exception {
        Computing first = computing("2026");

        // five requests arrive while the first round reads: they must not get its value, and they share one round
        CountDownLatch secondStarted = new CountDownLatch(1);
        CountDownLatch releaseSecond = new CountDownLatch(1);
        List<Future<Integer>> later = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            later.add(pool.submit(() -> reads.get("2026", () -> compute(secondStarted, releaseSecond))));
        }
        Thread.sleep(200); // let them all join the waiting round
        assertThat(secondStarted.getCount()).as("the next round waits for the one computing").isEqualTo(1);
        first.release().countDown();
        assertThat(first.result().get(5, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(secondStarted.await(5, TimeUnit.SECONDS)).isTrue();
        releaseSecond.countDown();
        for (Future<Integer> f : later) {
            assertThat(f.get(5, TimeUnit.SECONDS)).isEqualTo(2);
        }
        assertThat(rounds).hasValue(2);
        assertThat(mostAtOnce).as("one round of a key computes at a time").hasValue(1);
    }

    @Test
    void aRequestAloneComputesAfreshEachTime() {
        CountDownLatch open = new CountDownLatch(0);
        assertThat(reads.get("2026", () -> compute(new CountDownLatch(1), open))).isEqualTo(1);
        assertThat(reads.get("2026", () -> compute(new CountDownLatch(1), open))).isEqualTo(2);
    }

    @Test
    void otherKeysDoNotWaitOrShare() throws Exception {
        Computing slow = computing("2026");
        assertThat(reads.get("2025", () -> 2025)).isEqualTo(2025);
        slow.release().countDown();
        assertThat(slow.result().get(5, TimeUnit.SECONDS)).isEqualTo(1);
    }

    @Test
    void aRoundsFailureIsTheAnswerOfEachOfItsRequestsAndTheNextRoundReadsAfresh() throws Exception {
        Computing first = computing("2026");
        IllegalStateException down = new IllegalStateException("数据库不可用");
        List<Future<Integer>> joined = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            joined.add(pool.submit(() -> reads.get("2026", () -> {
                throw down;
            })));
        }
        Thread.sleep(200);
        first.release().countDown();
        first.result().get(5, TimeUnit.SECONDS);
        for (Future<Integer> f : joined) {
            assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).hasCause(down);
        }
        assertThat(reads.get("2026", () -> 7)).isEqualTo(7);
    }
}
