package cn.gov.zhuzhou.duban.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.zhuzhou.duban.support.Api;
import cn.gov.zhuzhou.duban.support.Fixtures;
import cn.gov.zhuzhou.duban.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * `make bench` (never part of `make test`): latency of the screens people open most, through the whole HTTP stack
 * against the real database, with full pages of data. Each endpoint is warmed up, then called by 4 clients at once;
 * p50/p95/max are written to .build/bench/results.md and the p95 must stay under the target (on a 2-core machine).
 */
@QuarkusTest
class ApiBench {

    /** p95 target in milliseconds for every endpoint below, 4 concurrent clients, 200-row pages. */
    static final long P95_TARGET_MS = 300;
    static final int WARMUP = 30, CALLS = 200, CLIENTS = 4;

    void data() {
        // Full pages: 200 ticket items (each with a problem and a session) and a supervision case on a third of them.
        for (int i = 0; i < 70; i++) {
            Fixtures.newCase();
        }
        for (int i = 0; i < 130; i++) {
            Fixtures.newTicketItem();
        }
        for (int i = 0; i < 20; i++) {
            Fixtures.submittedReport();
        }
    }

    record Result(String name, long p50, long p95, long max, double perSecond) {
    }

    long[] measure(Supplier<RequestSpecification> who, String path, Object... params) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            who.get().get(path, params).then().statusCode(200);
        }
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Callable<long[]>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(() -> {
                    long[] times = new long[CALLS / CLIENTS];
                    for (int i = 0; i < times.length; i++) {
                        long start = System.nanoTime();
                        who.get().get(path, params).then().statusCode(200);
                        times[i] = System.nanoTime() - start;
                    }
                    return times;
                });
            }
            long begin = System.nanoTime();
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> f : pool.invokeAll(clients)) {
                all.add(f.get());
            }
            long elapsed = System.nanoTime() - begin;
            long[] times = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            return new long[] {times[times.length / 2], times[(int) Math.ceil(times.length * 0.95) - 1], times[times.length - 1],
                    (long) (times.length * 1e9 / elapsed * 10)};
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theBusiestScreensAnswerWithinTarget() throws Exception {
        data();
        Supplier<RequestSpecification> office = () -> Api.as(Tokens.office());
        Supplier<RequestSpecification> edu = () -> Api.as(Tokens.liaison("ZZ-EDU"));
        Map<String, long[]> results = new LinkedHashMap<>();
        results.put("task list, 200 rows (office)", measure(office, "/api/v1/tasks?size=200"));
        results.put("plan tree, whole plan (office)", measure(office, "/api/v1/plans/{id}/tree", Api.planId()));
        results.put("unit inbox, 200 items (liaison)", measure(edu, "/api/v1/ticket-items?size=200"));
        results.put("supervision cases, 200 rows (office)", measure(office, "/api/v1/supervision-cases?size=200"));
        results.put("sessions, 100 rows (office)", measure(office, "/api/v1/sessions?size=100"));
        results.put("reports, 200 rows (office)", measure(office, "/api/v1/reports?size=200"));
        results.put("reporting standings of a month (office)", measure(office, "/api/v1/reporting-months/2010-01/units?size=200"));
        results.put("leader dashboard, every plan (office)", measure(office, "/api/v1/dashboard"));
        results.put("leader dashboard, the plan (office)", measure(office, "/api/v1/dashboard?planId={id}", Api.planId()));
        results.put("tasks by light, red (office)", measure(office, "/api/v1/tasks?light=RED&size=200"));

        StringBuilder table = new StringBuilder("""
                # make bench — %d calls per endpoint, %d clients at once, after %d warm-up calls; p95 target %d ms

                | endpoint | p50 ms | p95 ms | max ms | calls/s |
                | --- | ---: | ---: | ---: | ---: |
                """.formatted(CALLS, CLIENTS, WARMUP, P95_TARGET_MS));
        results.forEach((name, r) -> table.append("| %s | %.1f | %.1f | %.1f | %.1f |%n".formatted(name, r[0] / 1e6, r[1] / 1e6,
                r[2] / 1e6, r[3] / 10.0)));
        System.out.println(table);
        write(table.toString());
        results.forEach((name, r) -> assertThat(r[1] / 1_000_000).as("p95 of " + name + " (ms)").isLessThan(P95_TARGET_MS));
    }

    static void write(String table) throws IOException {
        Path out = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."), ".build", "bench", "results.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
    }
}
