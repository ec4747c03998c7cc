package cn.gov.zhuzhou.duban.common.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** A heavy read's last answers are given again while the records' version and the day stand (plain JUnit). */
class CachedReadTest {

    final AtomicLong version = new AtomicLong(7);
    final AtomicReference<LocalDate> today = new AtomicReference<>(LocalDate.of(2026, 12, 3));
    final AtomicInteger computations = new AtomicInteger();
    /** Counted down each time a request reads the version (a test's way to know a request has come). */
    volatile CountDownLatch asked = new CountDownLatch(0);
    final CachedRead<String, String> reads = new CachedRead<>(() -> {
        asked.countDown();
        return version.get();
    }, today::get, 2);

    /** A computation that names its round and the version it saw (what the records held when it read them). */
    String compute(String key) {
        return key + "#" + computations.incrementAndGet() + "@" + version.get();
    }

    String read(String key) {
        return reads.get(key, () -> compute(key));
    }

    @Test
    void noChangeCommittedGivesTheKeptAnswerWithoutComputing() {
        String first = read("2026");
        assertThat(read("2026")).isSameAs(first);
        assertThat(read("2026")).isSameAs(first);
        assertThat(computations).hasValue(1);
    }

    @Test
    void aCommittedChangeMakesTheNextReadComputeAfresh() {
        assertThat(read("2026")).isEqualTo("2026#1@7");
        version.incrementAndGet();
        assertThat(read("2026")).isEqualTo("2026#2@8");
        assertThat(read("2026")).isEqualTo("2026#2@8");
    }

    @Test
    void theNextDayIsComputedAfreshEvenWithNothingWritten() {
        assertThat(read("2026")).isEqualTo("2026#1@7");
        today.set(today.get().plusDays(1));
        assertThat(read("2026")).isEqualTo("2026#2@7");
    }

    @Test
    void eachKeyHasItsOwnAnswerAndTheLeastRecentlyAskedIsDroppedFirst() {
        String a = read("2025");
        String b = read("2026");
        assertThat(read("2025")).isSameAs(a);
        read("2024"); // a third answer: 2026, asked for least recently, is dropped
        assertThat(read("2025")).isSameAs(a);
        assertThat(read("2026")).isNotSameAs(b).isEqualTo("2026#4@7");
    }

    @Test
    void aFailedComputationIsNotKept() {
        assertThatThrownBy(() -> reads.get("2026", () -> {
            computations.incrementAndGet();
            throw new IllegalStateException("database down");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(read("2026")).isEqualTo("2026#2@7");
        assertThat(read("2026")).isEqualTo("2026#2@7");
    }

    @Test
    void anAnswerIsTaggedWithTheVersionReadBeforeItsComputationBegan() {
        // a write commits while the answer is computed: the answer may or may not have seen it, so it is not taken for
        // an answer as of the new version, and the next read computes again
        String first = reads.get("2026", () -> {
            String seen = compute("2026");
            version.incrementAndGet();
            return seen;
        });
        assertThat(first).isEqualTo("2026#1@7");
        assertThat(read("2026")).isEqualTo("2026#2@8");
        assertThat(read("2026")).isEqualTo("2026#2@8");
    }

    @Test
    void aRequestThatComesWhileARoundOfItsVersionComputesJoinsThatRound() throws Exception {
        HeldRound first = aRoundHeldUntilReleased(() -> compute("2026"));
        asked = new CountDownLatch(1);
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> read("2026"));
        assertThat(asked.await(5, TimeUnit.SECONDS)).isTrue(); // the second request has read the version: it is in
        assertThat(computations).hasValue(0);
        first.release().countDown();
        assertThat(second.get(5, TimeUnit.SECONDS)).isSameAs(first.answer().get(5, TimeUnit.SECONDS)).isEqualTo("2026#1@7");
        assertThat(computations).hasValue(1);
    }

    @Test
    void aRequestThatComesAfterAChangeWaitsForARoundOfItsOwnNotTheOneUnderWay() throws Exception {
        HeldRound first = aRoundHeldUntilReleased(() -> "2026#old@7");
        version.incrementAndGet(); // a change commits while the round of version 7 runs
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> read("2026"));
        first.release().countDown();
        assertThat(first.answer().get(5, TimeUnit.SECONDS)).isEqualTo("2026#old@7");
        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("2026#1@8");
        assertThat(read("2026")).isEqualTo("2026#1@8");
    }

    /** A round for "2026" under way: the answer its request will get, and the latch that lets its computation end. */
    record HeldRound(CompletableFuture<String> answer, CountDownLatch release) {
    }

    /** Starts a request for "2026" whose computation has begun (on return) and runs {@code computation} once released. */
    HeldRound aRoundHeldUntilReleased(Supplier<String> computation) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> reads.get("2026", () -> {
            started.countDown();
            await(release);
            return computation.get();
        }));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        return new HeldRound(answer, release);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
