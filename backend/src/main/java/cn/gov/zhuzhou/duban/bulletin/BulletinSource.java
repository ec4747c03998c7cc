package cn.gov.zhuzhou.duban.bulletin;

import cn.gov.zhuzhou.duban.bulletin.BulletinFigures.CaseLine;
import cn.gov.zhuzhou.duban.bulletin.BulletinFigures.ItemCounts;
import cn.gov.zhuzhou.duban.bulletin.BulletinFigures.NamedUnit;
import cn.gov.zhuzhou.duban.bulletin.BulletinFigures.PeriodTotals;
import cn.gov.zhuzhou.duban.bulletin.BulletinFigures.ReportCounts;
import cn.gov.zhuzhou.duban.bulletin.BulletinFigures.ReportLine;
import cn.gov.zhuzhou.duban.bulletin.BulletinFigures.TaskFigures;
import cn.gov.zhuzhou.duban.bulletin.BulletinFigures.TaskLine;
import cn.gov.zhuzhou.duban.bulletin.BulletinFigures.UnitLine;
import cn.gov.zhuzhou.duban.common.config.DubanConfig;
import cn.gov.zhuzhou.duban.dispatch.ItemRecord;
import cn.gov.zhuzhou.duban.dispatch.ItemRecords;
import cn.gov.zhuzhou.duban.plan.PlanService;
import cn.gov.zhuzhou.duban.plan.PlanView;
import cn.gov.zhuzhou.duban.plan.TaskService;
import cn.gov.zhuzhou.duban.plan.TaskStanding;
import cn.gov.zhuzhou.duban.publication.PublicationPeriod;
import cn.gov.zhuzhou.duban.report.ReportRecords;
import cn.gov.zhuzhou.duban.report.ReportRecord;
import cn.gov.zhuzhou.duban.report.TaskReportLine;
import cn.gov.zhuzhou.duban.supervision.CaseRecord;
import cn.gov.zhuzhou.duban.supervision.CaseRecords;
import cn.gov.zhuzhou.duban.supervision.SupervisionService;
import cn.gov.zhuzhou.duban.unit.UnitRef;
import cn.gov.zhuzhou.duban.unit.UnitService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads what a bulletin counts, for one plan and one period, from the records API of each feature (task standings,
 * report records, item records, case records: facts as they stood), never from their tables, and computes the
 * figures with {@link BulletinMath}. The plan's units are those that answer for its tasks (LEAD or MAIN); their items
 * and cases are those they lead.
 */
@ApplicationScoped
public class BulletinSource {

    private final PlanService plans;
    private final TaskService tasks;
    private final ReportRecords reports;
    private final ItemRecords items;
    private final CaseRecords cases;
    private final SupervisionService supervision;
    private final UnitService units;
    private final DubanConfig config;

    BulletinSource(PlanService plans, TaskService tasks, ReportRecords reports, ItemRecords items, CaseRecords cases,
            SupervisionService supervision, UnitService units, DubanConfig config) {
        this.cases = cases;
        this.plans = plans;
        this.tasks = tasks;
        this.reports = reports;
        this.items = items;
        this.supervision = supervision;
        this.units = units;
        this.config = config;
    }

    /** Everything a bulletin, brief or summary of a plan says about a period, as it stood at the end of its last day. */
    public record Figures(PlanView plan, PublicationPeriod period, List<TaskLine> taskLines, TaskFigures tasks, List<UnitLine> units,
            ReportCounts reports, ItemCounts items, int openCases, List<CaseLine> cases, List<NamedUnit> named, List<UnitRef> commended,
            List<ItemRecord> itemRecords, Map<Long, UnitRef> unitsById) {

        PeriodTotals totals() {
            return new PeriodTotals(period.text(), tasks, reports, items, openCases);
        }

        UnitRef unit(long id) {
            return unitsById.get(id);
        }
    }

    @Transactional
    public Figures figures(long planId, PublicationPeriod period) {
        PlanView plan = plans.getPlan(planId);
        var asOf = period.end();
        List<TaskStanding> standings = tasks.taskStandings(asOf, planId);
        Map<Long, TaskReportLine> latest = reports.latestReportLines(asOf);
        Set<Long> planUnits = standings.stream().flatMap(t -> t.responsibleUnitIds().stream()).collect(Collectors.toCollection(TreeSet::new));
        Set<Long> named = new TreeSet<>(planUnits);
        standings.stream().map(t -> latest.get(t.taskId())).filter(java.util.Objects::nonNull).forEach(l -> named.add(l.unitId()));
        Map<Long, UnitRef> byId = named.isEmpty() ? Map.of()
                : units.requireUnits(named, "unitId").stream().map(UnitRef::of).collect(Collectors.toMap(UnitRef::id, Function.identity()));

        int tolerance = config.lights().yellowMargin();
        List<TaskLine> lines = standings.stream().map(t -> BulletinMath.taskLine(t, reportLine(latest.get(t.taskId()), byId), tolerance)).toList();

        List<ReportRecord> due = reports.reportRecords(period.start(), period.end(), asOf).stream().filter(r -> planUnits.contains(r.unitId())).toList();
        List<ItemRecord> led = items.itemRecords(period.start(), period.end()).stream().filter(i -> planUnits.contains(i.leadUnitId())).toList();
        List<CaseRecord> cases = this.cases.caseRecords(period.start(), period.end()).stream().filter(c -> planUnits.contains(c.unitId())).toList();

        List<UnitRef> unitRefs = planUnits.stream().map(byId::get).toList();
        List<UnitLine> unitLines = BulletinMath.unitLines(unitRefs, due, led, cases, period.start(), period.end());
        BulletinMath.NamingRule rule = namingRule();
        List<CaseLine> open = new ArrayList<>();
        cases.stream().filter(c -> c.openOn(asOf)).forEach(c -> open.add(new CaseLine(c.caseId(), c.itemId(), c.unitId(),
                byId.get(c.unitId()).name(), c.reason().name(), c.openedOn())));
        return new Figures(plan, period, lines, BulletinMath.taskFigures(lines), unitLines, BulletinMath.reportTotals(unitLines),
                BulletinMath.itemTotals(unitLines), open.size(), open, BulletinMath.named(unitLines, rule),
                BulletinMath.commended(unitLines, rule), led, byId);
    }

    /** The rule that names units, from configuration (duban.bulletin.naming.*). */
    public BulletinMath.NamingRule namingRule() {
        var n = config.bulletin().naming();
        return new BulletinMath.NamingRule(n.missingReports(), n.lateReports(), n.overdueKeyItems(), n.overdueItems(), n.returns());
    }

    /** The quarterly supervision round (main text 三.(三)), limited to the plan's units. */
    @Transactional
    public BulletinFigures.Round round(String quarter, Map<Long, UnitRef> planUnits) {
        var round = supervision.quarterlyRound(quarter);
        List<CaseLine> open = round.openCases().stream().filter(c -> c.item() != null && c.item().leadUnit() != null
                        && planUnits.containsKey(c.item().leadUnit().id()))
                .map(c -> new CaseLine(c.id(), c.item().id(), c.item().leadUnit().id(), c.item().leadUnit().name(), c.reason().name(),
                        c.openedAt().toLocalDate())).toList();
        List<BulletinFigures.RoundLateUnit> late = round.lateUnits().stream().filter(u -> planUnits.containsKey(u.unit().id()))
                .map(u -> new BulletinFigures.RoundLateUnit(u.unit(), u.overdueItems(), u.lateReportMonths())).toList();
        return new BulletinFigures.Round(quarter, open, late);
    }

    private static ReportLine reportLine(TaskReportLine l, Map<Long, UnitRef> byId) {
        if (l == null) {
            return null;
        }
        UnitRef u = byId.get(l.unitId());
        return new ReportLine(l.unitId(), u == null ? null : u.name(), l.month().toString(), l.workDone(), l.progressPercent(), l.track(),
                l.submittedOn());
    }
}
