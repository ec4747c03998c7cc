package cn.gov.zhuzhou.duban.common.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A heavy read's last answers are given again while the records' version and the day stand (plain JUnit). */
class CachedReadTest {

    final AtomicLong version = new AtomicLong(7);
    final AtomicReference<LocalDate> today = new AtomicReference<>(LocalDate.of(2026, 12, 3));
    final AtomicInteger computations = new AtomicInteger();
    final CachedRead<String, String> reads = new CachedRead<>(version::get, today::get, 2);

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
}
