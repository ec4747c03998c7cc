package cn.gov.zhuzhou.duban.common.admission;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A heavy read whose last answers are kept and given again while the records have not changed (issue 11: the year's
 * assessment and every plan's dashboard are province-wide computations of 0.1-1 s; at half of capacity their p99 was
 * 0.3-1.1 s, for answers that change only when something is written). Each request reads the records' version (one
 * primary-key read, common/persistence/DataVersion, moved by every committed write on any instance) and the day: an
 * answer kept for the same key and day, computed from records at least that new, is given at once; otherwise the
 * request joins the computation under way for the same key and day if that one was tagged with a version at least as new
 * as the request's (it reads records at least that new, so its answer is as fresh as one of the request's own), and
 * otherwise a shared computation ({@link SharedRead}: one that started after it arrived) whose answer is then kept,
 * tagged with the version read before it began, so a tag never claims more than its answer saw. (Without the first
 * rule, a request that came while a round computed always waited for the next one: with a change committed every
 * second and a round of about a second, the year's assessment then queued its requests for two rounds and more.)
 * <p>
 * The day is part of the key because what these pages show moves with it (lights, what is late, "as of today"). At
 * most {@code keep} answers are kept, the least recently asked for dropped first: the heap is bounded, and a kept
 * answer holds megabytes. A failed computation is never kept. Pure: the version, the day and the computation are the
 * caller's.
 */
public final class CachedRead<K, V> {

    private record Key<K>(K key, LocalDate day) {
    }

    private record Kept<V>(long version, V value) {
    }

    /** A computation under way: the version it is tagged with, and its answer to come. */
    private record Running<V>(long version, CompletableFuture<Kept<V>> answer) {
    }

    private final LongSupplier version;
    private final Supplier<LocalDate> today;
    private final SharedRead<Key<K>, Kept<V>> rounds = new SharedRead<>();
    private final Map<Key<K>, Kept<V>> kept;
    /** Guarded by {@link #kept}'s lock, as {@code kept} is. */
    private final Map<Key<K>, Running<V>> running = new HashMap<>();

    public CachedRead(LongSupplier version, Supplier<LocalDate> today, int keep) {
        this.version = version;
        this.today = today;
        this.kept = new LinkedHashMap<>(4, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key<K>, Kept<V>> eldest) {
                return size() > keep;
            }
        };
    }

    /** The answer for {@code key} today, as new as the records are now. */
    public V get(K key, Supplier<V> compute) {
        Key<K> k = new Key<>(key, today.get());
        long now = version.getAsLong();
        Kept<V> last;
        Running<V> underWay;
        synchronized (kept) {
            last = kept.get(k);
            underWay = running.get(k);
        }
        if (last != null && last.version() >= now) {
            return last.value();
        }
        if (underWay != null && underWay.version() >= now) {
            return SharedRead.outcome(underWay.answer()).value();
        }
        return rounds.get(k, () -> round(k, now, compute)).value();
    }

    /** One computation, tagged with {@code version}: joinable while it runs, kept when it is done (not if it failed). */
    private Kept<V> round(Key<K> k, long version, Supplier<V> compute) {
        Running<V> mine = new Running<>(version, new CompletableFuture<>());
        synchronized (kept) {
            running.put(k, mine);
        }
        try {
            Kept<V> fresh = new Kept<>(version, compute.get());
            synchronized (kept) {
                Kept<V> other = kept.get(k);
                if (other == null || other.version() < fresh.version()) {
                    kept.put(k, fresh);
                }
                running.remove(k, mine);
            }
            mine.answer().complete(fresh);
            return fresh;
        } catch (RuntimeException | Error e) {
            synchronized (kept) {
                running.remove(k, mine);
            }
            mine.answer().completeExceptionally(e);
            throw e;
        }
    }
}
