package cn.gov.zhuzhou.duban.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Recorder;
import org.HdrHistogram.Histogram;

/**
 * An open-model load (what wrk2's {@code -R} does, and Debian's wrk 4 cannot): requests start on a fixed schedule,
 * {@code rate} per second, whether or not the earlier ones have been answered, and each latency is measured from the
 * moment its request was due, not from when it could be sent. So a server that stalls is charged for every request
 * that waited behind the stall (no coordinated omission), and p99 at a rate below capacity is the latency a user sees.
 */
final class FixedRateLoad {

    record Outcome(double rate, double seconds, long sent, long ok, long failed, double p50ms, double p90ms, double p99ms, double maxMs) {

        double achieved() {
            return ok / seconds;
        }
    }

    private FixedRateLoad() {
    }

    /**
     * Runs {@code rate} requests a second for {@code seconds}, each built by {@code request} from its sequence number;
     * at most {@code maxInFlight} outstanding (beyond that a due request counts as failed: the server has fallen behind).
     */
    static Outcome run(IntFunction<HttpRequest> request, double rate, double seconds, int maxInFlight) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "fixed-rate-client");
            t.setDaemon(true);
            return t;
        });
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(pool)
                .connectTimeout(Duration.ofSeconds(2)).build();
        Recorder recorder = new Recorder(3);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong inFlight = new AtomicLong();
        long total = (long) (rate * seconds);
        CountDownLatch done = new CountDownLatch((int) total);
        long start = System.nanoTime();
        double intervalNs = 1e9 / rate;
        for (int i = 0; i < total; i++) {
            long due = start + (long) (i * intervalNs);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (inFlight.get() >= maxInFlight) {
                failed.incrementAndGet();
                done.countDown();
                continue;
            }
            inFlight.incrementAndGet();
            client.sendAsync(request.apply(i), HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                long latency = System.nanoTime() - due;
                inFlight.decrementAndGet();
                if (e == null && r.statusCode() / 100 == 2) {
                    ok.incrementAndGet();
                    recorder.recordValue(Math.max(1, latency / 1000));
                } else {
                    failed.incrementAndGet();
                }
                done.countDown();
            });
        }
        done.await(60, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdownNow();
        Histogram h = recorder.getIntervalHistogram();
        return new Outcome(rate, Math.min(elapsed, seconds + 60), total, ok.get(), failed.get(), h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(90) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
    }

    static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token)
                .header("Accept-Encoding", BenchRun.ACCEPT_ENCODING).GET().build();
    }
}
