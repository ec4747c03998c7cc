package cn.gov.zhuzhou.duban.common.observability;

import static cn.gov.zhuzhou.duban.support.Api.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.zhuzhou.duban.common.schedule.JobRuns;
import cn.gov.zhuzhou.duban.dashboard.OfficeGauges;
import cn.gov.zhuzhou.duban.support.Fixtures;
import cn.gov.zhuzhou.duban.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What Prometheus scrapes from /q/metrics, without signing in: requests by route template and status, the connection
 * pools, the jobs' runs by outcome, the office's figures (each equal to the count of the list it stands for), the
 * problems by kind; and every metric that deploy/observability's alerts and dashboard use (metrics.txt) is really there.
 */
@QuarkusTest
class MetricsTest {

    /** One sample line of the Prometheus text format: name, labels, value. */
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?:[^\"}]|\"(?:[^\"\\\\]|\\\\.)*\")*})?\\s+(\\S+)");

    @Inject
    TestClock clock;

    @Inject
    JobRuns runs;

    @Inject
    OfficeGauges gauges;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** Every sample of a scrape, keyed "name{labels}" as written. */
    static Map<String, Double> scrape() {
        String text = RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        try {
            Files.writeString(Path.of("target/last-scrape.txt"), text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (!line.startsWith("#") && m.find()) {
                samples.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.valueOf(m.group(3)));
            }
        }
        return samples;
    }

    static Map<String, Double> scrapeUntil(java.util.function.Predicate<Map<String, Double>> ready) {
        Map<String, Double> samples = scrape();
        for (int i = 0; i < 50 && !ready.test(samples); i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            samples = scrape();
        }
        return samples;
    }

    static double value(Map<String, Double> samples, String name, String... labels) {
        return samples.entrySet().stream().filter(e -> e.getKey().equals(name) || e.getKey().startsWith(name + "{"))
                .filter(e -> List.of(labels).stream().allMatch(l -> e.getKey().contains(l)))
                .mapToDouble(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new AssertionError(name + " " + List.of(labels) + " not in /q/metrics"));
    }

    static long listTotal(String path) {
        return given().get(path + (path.contains("?") ? "&" : "?") + "size=1").then().statusCode(200).extract().jsonPath()
                .getLong("totalItems");
    }

    @Test
    void requestsAreCountedByRouteTemplateAndStatusNeverByRawPath() {
        long task = cn.gov.zhuzhou.duban.support.Api.taskId("N8.2");
        given().get("/api/v1/tasks/{id}", task).then().statusCode(200);
        given().get("/api/v1/tasks/{id}", 987_654_321L).then().statusCode(404);

        // the HTTP timer is recorded once the response has gone out: a scrape right after may come first
        Map<String, Double> samples = scrapeUntil(s -> s.keySet().stream().anyMatch(k -> k.startsWith("http_server_requests_seconds_count{")
                && k.contains("uri=\"/api/v1/tasks/{id}\"") && k.contains("status=\"404\"")));
        assertThat(value(samples, "http_server_requests_seconds_count", "uri=\"/api/v1/tasks/{id}\"", "status=\"200\"", "method=\"GET\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(samples, "http_server_requests_seconds_count", "uri=\"/api/v1/tasks/{id}\"", "status=\"404\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(samples.keySet()).noneMatch(k -> k.contains("987654321") || k.contains("/api/v1/tasks/" + task + "\""));
        assertThat(value(samples, "duban_problems_total", "type=\"not-found\"", "status=\"404\"")).isGreaterThanOrEqualTo(1);
        // the pools: the API's and Quartz's
        assertThat(value(samples, "agroal_max_used_count", "datasource=\"default\"")).isGreaterThanOrEqualTo(1);
        value(samples, "agroal_active_count", "datasource=\"quartz\"");
        assertThat(value(samples, "agroal_awaiting_count", "datasource=\"default\"")).isZero();
    }

    @Test
    void jobRunsAreTimedByJobAndOutcome() {
        runs.run("metrics-test-job", null, () -> "测试任务完成");
        assertThatThrownBy(() -> runs.run("metrics-test-failing-job", null, () -> {
            throw new IllegalStateException("测试任务失败");
        })).isInstanceOf(IllegalStateException.class);

        Map<String, Double> samples = scrape();
        assertThat(value(samples, "duban_job_runs_seconds_count", "job_name=\"metrics-test-job\"", "outcome=\"SUCCEEDED\"")).isEqualTo(1);
        assertThat(value(samples, "duban_job_runs_seconds_count", "job_name=\"metrics-test-job\"", "outcome=\"FAILED\"")).isZero();
        assertThat(value(samples, "duban_job_runs_seconds_count", "job_name=\"metrics-test-failing-job\"", "outcome=\"FAILED\"")).isEqualTo(1);
        assertThat(value(samples, "duban_job_runs_seconds_sum", "job_name=\"metrics-test-job\"", "outcome=\"SUCCEEDED\"")).isPositive();
    }

    @Test
    void theOfficeFiguresEqualTheirListsAfterARefresh() {
        clock.set(LocalDateTime.of(2034, 2, 1, 9, 0));
        Fixtures.newTicketItem();   // due 3 March
        Fixtures.newCase();
        clock.set(LocalDateTime.of(2034, 3, 10, 9, 0));

        OfficeGauges.Counts counts = gauges.refresh();
        Map<String, Double> samples = scrape();

        long overdue = listTotal("/api/v1/ticket-items?overdueOn=2034-03-10");
        assertThat(overdue).isGreaterThanOrEqualTo(1);
        assertThat(value(samples, "duban_ticket_items_overdue")).isEqualTo((double) overdue).isEqualTo(counts.overdueItems());
        long open = listTotal("/api/v1/supervision-cases?status=OPEN");
        assertThat(open).isGreaterThanOrEqualTo(1);
        assertThat(value(samples, "duban_supervision_cases_open")).isEqualTo((double) open);
        long missing = given().get("/api/v1/dashboard?date=2034-03-10").then().statusCode(200).extract().jsonPath()
                .getLong("reports.missing.count");
        assertThat(missing).as("no unit reported on February 2034").isPositive();
        assertThat(value(samples, "duban_monthly_reports_missing")).isEqualTo((double) missing);
        assertThat(value(samples, "duban_webhook_deliveries_failing")).isGreaterThanOrEqualTo(0);
        assertThat(value(samples, "duban_webhook_deliveries_failed")).isGreaterThanOrEqualTo(0);
        assertThat(value(samples, "duban_business_gauges_refreshed_timestamp_seconds"))
                .isEqualTo((double) clock.instant().getEpochSecond());
    }

    /**
     * deploy/observability/metrics.txt lists what the alert rules and the dashboard may use (checked by make
     * deploy-check); each must be in a real scrape, so a renamed metric fails here, not silently in production.
     */
    @Test
    void everyMetricTheAlertsAndTheDashboardUseIsExported() throws IOException {
        given().get("/api/v1/tasks/{id}", cn.gov.zhuzhou.duban.support.Api.taskId("N8.2")).then().statusCode(200);
        runs.run("metrics-test-job", null, () -> "测试任务完成");
        gauges.refresh();
        Set<String> names = new TreeSet<>();
        scrape().keySet().forEach(k -> names.add(k.replaceFirst("\\{.*", "")));
        Files.writeString(Path.of("target/metrics-names.txt"), String.join("\n", names) + "\n");

        List<String> used = Files.readAllLines(Path.of("../deploy/observability/metrics.txt")).stream()
                .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(used).isNotEmpty();
        // "up" is Prometheus' own, made by the scrape
        assertThat(names).containsAll(used.stream().filter(n -> !n.equals("up")).toList());
    }
}
