package cn.gov.zhuzhou.duban.common.admission;

import cn.gov.zhuzhou.duban.common.config.DubanConfig;
import cn.gov.zhuzhou.duban.common.error.ServiceOverloadedException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A second, narrower gate for the few computations whose memory grows with the whole data set (a province year's
 * assessment holds every unit's lines: ~10 MB of JSON, several times that on the heap; a plan's tree of 2 000 tasks
 * megabytes of rows and nodes, written to 1.5 MB of JSON inside its turn). Admission control lets a
 * dozen requests in at once; a dozen of these at once would not fit the bounded heap (make bench saw the JVM end
 * with OutOfMemoryError at 50 clients on the assessment). At most {@code duban.admission.max-heavy} run at once; the
 * others wait their turn up to {@code duban.admission.heavy-wait}, then get the same 503 overloaded answer.
 */
@ApplicationScoped
public class HeavyWork {

    private final Semaphore turns;
    private final long waitMillis;

    HeavyWork(DubanConfig config) {
        this.turns = new Semaphore(Math.max(1, config.admission().maxHeavy()), true);
        this.waitMillis = config.admission().heavyWait().toMillis();
    }

    /** The turns themselves (tests take them all to show the overload answer). */
    Semaphore turns() {
        return turns;
    }

    public <T> T run(Supplier<T> work) {
        boolean got;
        try {
            got = turns.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceOverloadedException(5);
        }
        if (!got) {
            throw new ServiceOverloadedException(5);
        }
        try {
            return work.get();
        } finally {
            turns.release();
        }
    }
}
