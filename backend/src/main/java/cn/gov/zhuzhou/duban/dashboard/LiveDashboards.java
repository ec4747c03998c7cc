package cn.gov.zhuzhou.duban.dashboard;

import cn.gov.zhuzhou.duban.common.admission.CachedRead;
import cn.gov.zhuzhou.duban.common.admission.CachedReads;
import cn.gov.zhuzhou.duban.common.admission.HeavyWork;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;

/**
 * The leader's dashboard as it is read (GET /dashboard). One plan's is an ordinary read. Every plan's lights are every
 * task's figures and history (20 000 tasks at province scale, ~20 MB on the heap while they are counted): it is counted
 * in one of the few heavy turns (HeavyWork), taken before the read-only transaction, as the tree and the year's
 * assessment are (a dozen at once filled the bounded heap: back-to-back full collections, issue 11), and leaders asking
 * for the same day at the same time share one count that started after each of them asked (SharedRead), as
 * {@code assessment/LiveAssessments} shares a year's. The last answers are kept and given again while no change has been
 * committed on any instance and the day is the same (CachedRead), as the year's assessment is.
 */
@ApplicationScoped
public class LiveDashboards {

    private final DashboardService dashboard;
    private final HeavyWork heavy;
    /** The dashboard of every plan, by the day asked for (null: today). */
    private final CachedRead<LocalDate, DashboardView> everyPlan;

    LiveDashboards(DashboardService dashboard, HeavyWork heavy, CachedReads cached) {
        this.dashboard = dashboard;
        this.everyPlan = cached.keeping(4);
        this.heavy = heavy;
    }

    /** {@code planId} null: every plan's; {@code date} null: today's. */
    public DashboardView dashboard(Long planId, LocalDate date) {
        if (planId == null) {
            return everyPlan.get(date, () -> heavy.run(() -> dashboard.dashboard(null, date)));
        }
        return dashboard.dashboard(planId, date);
    }
}
