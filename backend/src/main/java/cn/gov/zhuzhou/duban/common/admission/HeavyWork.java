package cn.gov.zhuzhou.duban.common.admission;

import cn.gov.zhuzhou.duban.common.config.DubanConfig;
import cn.gov.zhuzhou.duban.common.error.ServiceOverloadedException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * <p>
 * A resource takes the turn before any transaction (so no pooled connection is held while it waits), and, where the
 * answer is as large as the work (the tree, the assessment), writes the JSON inside the turn ({@link #json}): what then
 * waits for the client is the answer's bytes alone, not its view and the bytes together, a dozen at once.
 */
@ApplicationScoped
public class HeavyWork {

    private final Semaphore turns;
    private final long waitMillis;
    private final ObjectMapper mapper;

    HeavyWork(DubanConfig config, ObjectMapper mapper) {
        this.mapper = mapper;
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

    /** The result of {@code work} as JSON (as the REST layer would write it), made and written within the turn. */
    public byte[] json(Supplier<?> work) {
        return run(() -> {
            try {
                return mapper.writeValueAsBytes(work.get());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the answer cannot be written as JSON", e);
            }
        });
    }
}
