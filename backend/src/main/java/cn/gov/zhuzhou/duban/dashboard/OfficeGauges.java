package cn.gov.zhuzhou.duban.dashboard;

import cn.gov.zhuzhou.duban.common.config.DubanConfig;
import cn.gov.zhuzhou.duban.dispatch.TicketItemService;
import cn.gov.zhuzhou.duban.report.MonthlyReportHistoryViews.Standing;
import cn.gov.zhuzhou.duban.report.MonthlyReportService;
import cn.gov.zhuzhou.duban.supervision.SupervisionCase;
import cn.gov.zhuzhou.duban.supervision.SupervisionService;
import cn.gov.zhuzhou.duban.webhook.WebhookService;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import org.jboss.logging.Logger;

/**
 * The figures an office watches, as Prometheus gauges (README, "Seeing it run"):
 * <ul>
 * <li>{@code duban_ticket_items_overdue}: items overdue today (not verified, deadline passed); list
 * {@code /ticket-items?overdueOn=today}.</li>
 * <li>{@code duban_monthly_reports_missing}: units that have not submitted the report due this month (on last month's
 * work); the dashboard's {@code reports.missing}.</li>
 * <li>{@code duban_supervision_cases_open}: open supervision cases; the dashboard's {@code openCases}.</li>
 * <li>{@code duban_webhook_deliveries_failing}: deliveries in retry after a failed attempt;
 * {@code duban_webhook_deliveries_failed}: deliveries that gave up.</li>
 * </ul>
 * Each is counted by the feature that owns it, through its service (the same counts as the dashboard and the lists),
 * in SQL on an index: never a scan per scrape. Each instance counts them every {@code duban.dashboard.gauges-refresh}
 * (60 s) on a thread of its own and a scrape reads the last counts; until the first count, and while the database is
 * away, the last value stays (NaN before any). Every instance reports the same office-wide figures: aggregate them with
 * {@code max}, never {@code sum}.
 */
@ApplicationScoped
public class OfficeGauges {

    private static final Logger LOG = Logger.getLogger(OfficeGauges.class);

    private final TicketItemService items;
    private final MonthlyReportService reports;
    private final SupervisionService supervision;
    private final WebhookService webhooks;
    private final Clock clock;
    private final DubanConfig config;
    private volatile Counts last;
    private ScheduledExecutorService refresher;

    /** One refresh's counts, read as of one moment. */
    public record Counts(long overdueItems, long reportsMissing, long openCases, long deliveriesFailing, long deliveriesFailed,
            long refreshedAtEpochSecond) {
    }

    OfficeGauges(TicketItemService items, MonthlyReportService reports, SupervisionService supervision, WebhookService webhooks,
            Clock clock, DubanConfig config, MeterRegistry registry) {
        this.items = items;
        this.reports = reports;
        this.supervision = supervision;
        this.webhooks = webhooks;
        this.clock = clock;
        this.config = config;
        gauge(registry, "duban.ticket.items.overdue", "Ticket items overdue today (not verified, deadline passed)",
                () -> last == null ? Double.NaN : last.overdueItems());
        gauge(registry, "duban.monthly.reports.missing", "Units that have not submitted the monthly report due this month",
                () -> last == null ? Double.NaN : last.reportsMissing());
        gauge(registry, "duban.supervision.cases.open", "Open supervision cases",
                () -> last == null ? Double.NaN : last.openCases());
        gauge(registry, "duban.webhook.deliveries.failing", "Webhook deliveries in retry after a failed attempt",
                () -> last == null ? Double.NaN : last.deliveriesFailing());
        gauge(registry, "duban.webhook.deliveries.failed", "Webhook deliveries that gave up after the last retry",
                () -> last == null ? Double.NaN : last.deliveriesFailed());
        gauge(registry, "duban.business.gauges.refreshed.timestamp.seconds", "When this instance last counted the business gauges",
                () -> last == null ? Double.NaN : last.refreshedAtEpochSecond());
    }

    private void gauge(MeterRegistry registry, String name, String description, DoubleSupplier value) {
        Gauge.builder(name, value, DoubleSupplier::getAsDouble).description(description).strongReference(true).register(registry);
    }

    void start(@Observes StartupEvent start) {
        long every = config.dashboard().gaugesRefresh().toMillis();
        if (every <= 0) {
            return;
        }
        refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "duban-office-gauges");
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(this::refreshQuietly, 5_000, every, TimeUnit.MILLISECONDS);
    }

    /**
     * No new count starts, and one under way finishes while the database layer is still open (shutdown observers run
     * before Hibernate closes; a count cut off then only logged "EntityManager is closed").
     */
    void stop(@Observes ShutdownEvent stop) throws InterruptedException {
        if (refresher != null) {
            refresher.shutdown();
            if (!refresher.awaitTermination(10, TimeUnit.SECONDS)) {
                refresher.shutdownNow();
            }
        }
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warnf("business gauges not refreshed, the last counts stay: %s", e.toString());
        }
    }

    /** Counts every figure now (five count queries and the month's standings) and publishes them together. */
    @ActivateRequestContext
    public Counts refresh() {
        LocalDate today = LocalDate.now(clock);
        long missing = reports.standings(YearMonth.from(today).minusMonths(1)).stream()
                .filter(s -> Set.of(Standing.MISSING, Standing.NOT_SUBMITTED).contains(s.standing())).count();
        WebhookService.DeliveryHealth deliveries = webhooks.deliveryHealth();
        Counts counts = new Counts(items.countOverdueItems(today), missing, supervision.countCases(SupervisionCase.Status.OPEN),
                deliveries.failing(), deliveries.failed(), clock.instant().getEpochSecond());
        last = counts;
        return counts;
    }
}
