package cn.gov.zhuzhou.duban.common.admission;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A heavy read whose last answers are kept and given again while the records have not changed (issue 11: the year's
 * assessment and every plan's dashboard are province-wide computations of 0.1-1 s; at half of capacity their p99 was
 * 0.3-1.1 s, for answers that change only when something is written). Each request reads the records' version (one
 * primary-key read, common/persistence/DataVersion, moved by every committed write on any instance) and the day: an
 * answer kept for the same key and day, computed from records at least that new, is given at once; otherwise the
 * request joins a shared computation ({@link SharedRead}: one that started after it arrived) whose answer is then kept,
 * tagged with the version read before it began, so a tag never claims more than its answer saw.
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

    private final LongSupplier version;
    private final Supplier<LocalDate> today;
    private final SharedRead<Key<K>, Kept<V>> rounds = new SharedRead<>();
    private final Map<Key<K>, Kept<V>> kept;

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
        synchronized (kept) {
            last = kept.get(k);
        }
        if (last != null && last.version() >= now) {
            return last.value();
        }
        Kept<V> fresh = rounds.get(k, () -> new Kept<>(now, compute.get()));
        synchronized (kept) {
            Kept<V> other = kept.get(k);
            if (other == null || other.version() < fresh.version()) {
                kept.put(k, fresh);
            }
        }
        return fresh.value();
    }
}
