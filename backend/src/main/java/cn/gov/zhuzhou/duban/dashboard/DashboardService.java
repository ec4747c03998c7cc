package cn.gov.zhuzhou.duban.dashboard;

import cn.gov.zhuzhou.duban.dashboard.DashboardView.AreaLights;
import cn.gov.zhuzhou.duban.dashboard.DashboardView.ColorCount;
import cn.gov.zhuzhou.duban.dashboard.DashboardView.Figure;
import cn.gov.zhuzhou.duban.dashboard.DashboardView.TaskLight;
import cn.gov.zhuzhou.duban.dispatch.TicketItemService;
import cn.gov.zhuzhou.duban.common.config.DubanConfig;
import cn.gov.zhuzhou.duban.plan.ProgressLight.Color;
import cn.gov.zhuzhou.duban.plan.TaskRef;
import cn.gov.zhuzhou.duban.plan.TaskService;
import cn.gov.zhuzhou.duban.plan.TaskStanding;
import cn.gov.zhuzhou.duban.problem.ProblemService;
import cn.gov.zhuzhou.duban.report.MonthlyReportHistoryViews.Standing;
import cn.gov.zhuzhou.duban.report.MonthlyReportHistoryViews.UnitStanding;
import cn.gov.zhuzhou.duban.report.MonthlyReportService;
import cn.gov.zhuzhou.duban.report.ReportingCalendar;
import cn.gov.zhuzhou.duban.supervision.SupervisionCase;
import cn.gov.zhuzhou.duban.supervision.SupervisionService;
import jakarta.enterprise.context.ApplicationScoped;
import cn.gov.zhuzhou.duban.common.persistence.ReadOnlyTransaction;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The leader's dashboard in one call. Every figure is counted by the feature that owns it, through its service, with
 * the same filter as the list it links to: so a count never disagrees with its list.
 * <ul>
 * <li>Task lights: TaskService.taskStandings (scalar reads, roll-up, the one ProgressLight rule), grouped here;
 * list {@code /tasks?light=&lightOn=&planId=&areaId=}.</li>
 * <li>Reports due this month (on last month's work): the month's reporting standings; list
 * {@code /reporting-months/{month}/units?standing=}.</li>
 * <li>Overdue key items: counted in SQL by dispatch; list {@code /ticket-items?key=true&overdueOn=}.</li>
 * <li>Open supervision cases: counted in SQL by supervision; list {@code /supervision-cases?status=OPEN}.</li>
 * <li>Problems waiting on a leader's level: counted in SQL by problem; list
 * {@code /problems?status=CLASSIFIED&leaderLevel=true}.</li>
 * </ul>
 */
@ApplicationScoped
public class DashboardService {

    static final String API = "/api/v1";

    private final TaskService tasks;
    private final MonthlyReportService reports;
    private final TicketItemService items;
    private final SupervisionService supervision;
    private final ProblemService problems;
    private final Clock clock;
    private final DubanConfig config;

    DashboardService(TaskService tasks, MonthlyReportService reports, TicketItemService items, SupervisionService supervision,
            ProblemService problems, Clock clock, DubanConfig config) {
        this.config = config;
        this.tasks = tasks;
        this.reports = reports;
        this.items = items;
        this.supervision = supervision;
        this.problems = problems;
        this.clock = clock;
    }

    /** One transaction (one pooled connection) for every figure: they are read together, as of one moment. */
    @ReadOnlyTransaction
    public DashboardView dashboard(Long planId, LocalDate date) {
        LocalDate day = date != null ? date : LocalDate.now(clock);
        List<TaskStanding> standings = tasks.taskLights(day, planId);
        return new DashboardView(day, planId, lights(standings, planId, day), reports(YearMonth.from(day).minusMonths(1)),
                new Figure(items.countOverdueKeyItems(day), API + "/ticket-items?key=true&overdueOn=" + day),
                new Figure(supervision.countCases(SupervisionCase.Status.OPEN), API + "/supervision-cases?status=OPEN"),
                new Figure(problems.countProblems(ProblemService.waitingOnLeaders()), API + "/problems?status=CLASSIFIED&leaderLevel=true"));
    }

    private DashboardView.Lights lights(List<TaskStanding> standings, Long planId, LocalDate day) {
        String base = API + "/tasks?lightOn=" + day + (planId == null ? "" : "&planId=" + planId);
        Map<Color, Long> totals = zeros();
        Map<Long, Map<Color, Long>> byArea = new LinkedHashMap<>();
        Map<Long, String> areaNames = new LinkedHashMap<>();
        List<TaskStanding> red = new ArrayList<>();
        List<TaskStanding> yellow = new ArrayList<>();
        for (TaskStanding s : standings) {
            Color c = s.light().color();
            totals.merge(c, 1L, Long::sum);
            if (s.areaId() != null) {
                byArea.computeIfAbsent(s.areaId(), k -> zeros()).merge(c, 1L, Long::sum);
                areaNames.putIfAbsent(s.areaId(), s.areaName());
            }
            if (c == Color.RED || c == Color.YELLOW) {
                (c == Color.RED ? red : yellow).add(s);
            }
        }
        List<AreaLights> areas = byArea.entrySet().stream().map(e -> new AreaLights(e.getKey(), areaNames.get(e.getKey()),
                colors(e.getValue(), base + "&areaId=" + e.getKey()))).toList();
        List<TaskStanding> named = new ArrayList<>(red);
        named.addAll(yellow);
        named = named.subList(0, Math.min(named.size(), config.dashboard().tasksBehindLimit()));
        Map<Long, TaskRef> refs = tasks.taskRefs(named.stream().map(TaskStanding::taskId).toList());
        List<TaskLight> behind = named.stream().map(s -> new TaskLight(s.taskId(), refs.get(s.taskId()).code(), refs.get(s.taskId()).title(),
                s.areaId(), s.status(), s.progressPercent(), s.light())).toList();
        return new DashboardView.Lights(colors(totals, base), areas, behind);
    }

    private static Map<Color, Long> zeros() {
        Map<Color, Long> m = new EnumMap<>(Color.class);
        for (Color c : Color.values()) {
            m.put(c, 0L);
        }
        return m;
    }

    private static List<ColorCount> colors(Map<Color, Long> counts, String base) {
        return counts.entrySet().stream().map(e -> new ColorCount(e.getKey(), e.getValue(), base + "&light=" + e.getKey())).toList();
    }

    /** The reports due in the dashboard's month: the standings of the month before, as the standings list counts them. */
    private DashboardView.Reports reports(YearMonth month) {
        List<UnitStanding> all = reports.standings(month);
        String base = API + "/reporting-months/" + month + "/units";
        long onTime = count(all, Set.of(Standing.SUBMITTED_ON_TIME));
        long late = count(all, Set.of(Standing.SUBMITTED_LATE));
        long missing = count(all, Set.of(Standing.MISSING, Standing.NOT_SUBMITTED));
        Integer rate = all.isEmpty() ? null : (int) Math.round(100.0 * (onTime + late) / all.size());
        return new DashboardView.Reports(month.toString(), ReportingCalendar.dueDate(month),
                new Figure(all.size(), base),
                new Figure(onTime + late, base + "?standing=SUBMITTED_ON_TIME&standing=SUBMITTED_LATE"),
                new Figure(onTime, base + "?standing=SUBMITTED_ON_TIME"),
                new Figure(late, base + "?standing=SUBMITTED_LATE"),
                new Figure(missing, base + "?standing=MISSING&standing=NOT_SUBMITTED"),
                rate,
                all.stream().filter(s -> s.standing() == Standing.SUBMITTED_LATE).map(UnitStanding::unit).toList(),
                all.stream().filter(s -> s.standing() == Standing.MISSING || s.standing() == Standing.NOT_SUBMITTED)
                        .map(UnitStanding::unit).toList());
    }

    private static long count(List<UnitStanding> all, Set<Standing> which) {
        return all.stream().filter(s -> which.contains(s.standing())).count();
    }
}
