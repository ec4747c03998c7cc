package cn.gov.zhuzhou.duban.report;

import cn.gov.zhuzhou.duban.common.audit.CurrentActor;
import cn.gov.zhuzhou.duban.common.error.ConflictException;
import cn.gov.zhuzhou.duban.common.error.InvalidRequestException;
import cn.gov.zhuzhou.duban.common.error.NotFoundException;
import cn.gov.zhuzhou.duban.common.error.StaleVersionException;
import cn.gov.zhuzhou.duban.common.paging.Page;
import cn.gov.zhuzhou.duban.common.paging.PageQuery;
import cn.gov.zhuzhou.duban.common.persistence.ReadOnlyTransaction;
import cn.gov.zhuzhou.duban.events.Audience;
import cn.gov.zhuzhou.duban.events.DomainEvents;
import cn.gov.zhuzhou.duban.events.EventType;
import cn.gov.zhuzhou.duban.plan.TaskRef;
import cn.gov.zhuzhou.duban.problem.ProblemService;
import cn.gov.zhuzhou.duban.plan.TaskService;
import cn.gov.zhuzhou.duban.report.MonthlyReportHistoryViews.Standing;
import cn.gov.zhuzhou.duban.report.MonthlyReportHistoryViews.UnitStanding;
import cn.gov.zhuzhou.duban.report.MonthlyReportWriteRequest.Entry;
import cn.gov.zhuzhou.duban.unit.Unit;
import cn.gov.zhuzhou.duban.unit.UnitService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The monthly report (月报) of annex 2, rule 5: each lead or main responsible unit reports last month's work by the
 * 5th; drafts are edited freely, a submission is kept as a revision and moves the tasks' progress, the office may
 * return a report for revision, and every state change is recorded. A submitted report's problems and difficulties
 * become a problem for the office to classify.
 */
@ApplicationScoped
public class MonthlyReportService {

    private final MonthlyReportRepository reports;
    private final TaskService tasks;
    private final UnitService units;
    private final ReportAccess access;
    private final Clock clock;
    private final CurrentActor actor;
    private final ObjectMapper json;
    private final ProblemService problems;

    MonthlyReportService(MonthlyReportRepository reports, TaskService tasks, UnitService units, ReportAccess access, Clock clock,
            CurrentActor actor, ObjectMapper json, ProblemService problems) {
        this.problems = problems;
        this.reports = reports;
        this.tasks = tasks;
        this.units = units;
        this.access = access;
        this.clock = clock;
        this.actor = actor;
        this.json = json;
    }

    @ReadOnlyTransaction
    public Page<MonthlyReportView> searchReports(String month, Long unitId, ReportStatus status, PageQuery page) {
        UnitService.UnitFilter filter = access.listFilter(unitId);
        if (filter.nothing()) {
            return Page.of(List.of(), page, 0);
        }
        Long effectiveUnit = filter.unitId();
        List<MonthlyReport> found = reports.search(month, effectiveUnit, status, page.offset(), page.size);
        return Page.of(views(found), page, reports.countMatching(month, effectiveUnit, status));
    }

    @ReadOnlyTransaction
    public MonthlyReportView getReport(long id) {
        MonthlyReport report = require(id);
        access.checkReadable(report);
        return views(List.of(report)).get(0);
    }

    @Transactional
    public MonthlyReportView draftReport(MonthlyReportWriteRequest.Create r) {
        Unit unit = access.ownUnit();
        YearMonth month = YearMonth.parse(r.month());
        if (!ReportingCalendar.reportable(month, today())) {
            throw new InvalidRequestException("month", "只能报告已结束的月份（" + month + " 尚未结束）");
        }
        if (reports.exists(unit.getId(), month.toString())) {
            throw new ConflictException(unit.getName() + " 的 " + month + " 月报已存在");
        }
        MonthlyReport report = new MonthlyReport(unit, month);
        report.write(entries(unit, r.entries()), blankToNull(r.problems()));
        reports.persist(report);
        event(report, null, ReportStatus.DRAFT, null);
        reports.flush();
        return views(List.of(report)).get(0);
    }

    @Transactional
    public MonthlyReportView reviseReport(long id, MonthlyReportWriteRequest.Update r) {
        MonthlyReport report = require(id);
        access.checkWritable(report);
        StaleVersionException.requireCurrent("月报", id, r.version(), report.getVersion());
        report.write(entries(report.getUnit(), r.entries()), blankToNull(r.problems()));
        reports.flush();
        return views(List.of(report)).get(0);
    }

    /** Submits the report: late by whole days after the 5th, kept as a revision, and its tasks' progress moves. */
    @Transactional
    public MonthlyReportView submitReport(long id, MonthlyReportWriteRequest.Submission r) {
        MonthlyReport report = require(id);
        access.checkWritable(report);
        StaleVersionException.requireCurrent("月报", id, r.version(), report.getVersion());
        ReportStatus from = report.getStatus();
        report.submit(now(), today());
        reports.flush(); // the guarded update before the history inserts: a concurrent submission fails its version check
        reports.record(new MonthlyReportRevision(report, snapshot(report), actor.name(), actor.displayName()));
        tasks.recordReportedProgress(report.getMonth(), report.getUnit(), report.getEntries().stream()
                .map(e -> new TaskService.ReportedProgress(e.getTaskId(), e.getProgressPercent(), report.getMonth() + " 月报：" + e.getWorkDone()))
                .toList());
        if (report.getProblems() != null && !report.getEntries().isEmpty()) {
            problems.raiseFromReport(report.getId(), report.getEntries().get(0).getTaskId(), report.getUnit(), report.getProblems());
        }
        event(report, from, ReportStatus.SUBMITTED, report.getDaysLate() > 0 ? "逾期 " + report.getDaysLate() + " 天" : null);
        reports.flush();
        return DomainEvents.record(EventType.REPORT_SUBMITTED, id, views(List.of(report)).get(0), v -> Audience.unit(v.unit().id()));
    }

    @Transactional
    public MonthlyReportView returnReport(long id, MonthlyReportWriteRequest.Return r) {
        MonthlyReport report = require(id);
        access.checkReadable(report);
        StaleVersionException.requireCurrent("月报", id, r.version(), report.getVersion());
        report.sendBack(r.reason().strip());
        event(report, ReportStatus.SUBMITTED, ReportStatus.RETURNED, r.reason().strip());
        reports.flush();
        return DomainEvents.record(EventType.REPORT_RETURNED, id, views(List.of(report)).get(0), v -> Audience.unit(v.unit().id()));
    }

    @ReadOnlyTransaction
    public List<MonthlyReportHistoryViews.Revision> revisions(long id) {
        access.checkReadable(require(id));
        return reports.revisionsOf(id).stream().map(v -> MonthlyReportHistoryViews.Revision.of(v, snapshotOf(v))).toList();
    }

    @ReadOnlyTransaction
    public List<MonthlyReportHistoryViews.Event> history(long id) {
        access.checkReadable(require(id));
        return reports.eventsOf(id).stream().map(MonthlyReportHistoryViews.Event::of).toList();
    }

    /** For the office: every lead or main responsible unit and where it stands for {@code month}. */
    @ReadOnlyTransaction
    public List<UnitStanding> standings(YearMonth month, java.util.Collection<MonthlyReportHistoryViews.Standing> only) {
        List<UnitStanding> all = standings(month);
        return only == null || only.isEmpty() ? all : all.stream().filter(s -> only.contains(s.standing())).toList();
    }

    @ReadOnlyTransaction
    public List<UnitStanding> standings(YearMonth month) {
        LocalDate due = ReportingCalendar.dueDate(month);
        boolean pastDue = today().isAfter(due);
        // report id, unit id, status, days late: a projection, so a month of 500 units loads no entities
        Map<Long, Object[]> byUnit = reports.getEntityManager().createQuery("select r.id, r.unit.id, r.status, r.daysLate "
                        + "from MonthlyReport r where r.month = :m", Object[].class).setParameter("m", month.toString()).getResultStream()
                .collect(Collectors.toMap(r -> (Long) r[1], Function.identity()));
        java.util.Set<Long> all = new HashSet<>(tasks.reportingUnitIds());
        all.addAll(byUnit.keySet());
        int overdue = pastDue ? daysSince(due) : 0;
        // every unit's reference, then those that report: most units do, and asking for ~500 ids by list cost a third
        // of the request's CPU in translating the query again each time (issue 11, deploy/bench-notes/reads.md)
        return units.allUnitRefs().stream().filter(u -> all.contains(u.id())).map(u -> {
            Object[] r = byUnit.get(u.id());
            if (r == null) {
                return new UnitStanding(u, Standing.MISSING, null, null, overdue, due);
            }
            Long id = (Long) r[0];
            ReportStatus status = (ReportStatus) r[2];
            int daysLate = (Integer) r[3];
            if (status == ReportStatus.SUBMITTED) {
                return new UnitStanding(u, daysLate > 0 ? Standing.SUBMITTED_LATE : Standing.SUBMITTED_ON_TIME, id, status, daysLate, due);
            }
            return new UnitStanding(u, Standing.NOT_SUBMITTED, id, status, overdue, due);
        }).toList();
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    /** Entries name tasks the unit answers for, each once. */
    private List<MonthlyReport.EntrySpec> entries(Unit unit, List<Entry> requested) {
        Map<Long, TaskRef> own = tasks.tasksAnsweredBy(unit.getId());
        java.util.Set<Long> seen = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            Long taskId = requested.get(i).taskId();
            if (!own.containsKey(taskId)) {
                throw new InvalidRequestException("entries[" + i + "].taskId", "任务 " + taskId + " 不由" + unit.getName() + "负责");
            }
            if (!seen.add(taskId)) {
                throw new InvalidRequestException("entries[" + i + "].taskId", "任务 " + taskId + " 重复");
            }
        }
        return requested.stream().map(e -> new MonthlyReport.EntrySpec(e.taskId(), e.workDone().strip(), e.progressPercent(), e.track()))
                .toList();
    }

    private String snapshot(MonthlyReport report) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("entries", report.getEntries().stream().map(e -> Map.of("taskId", e.getTaskId(), "workDone", e.getWorkDone(),
                "progressPercent", e.getProgressPercent(), "track", e.getTrack().name())).toList());
        content.put("problems", report.getProblems());
        try {
            return json.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Revisions keep their snapshot as JSON text (no JSON columns); the API gives it back as the object it was. */
    private MonthlyReportHistoryViews.Snapshot snapshotOf(MonthlyReportRevision revision) {
        try {
            return json.readValue(revision.getSnapshot(), MonthlyReportHistoryViews.Snapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("revision snapshot is not valid JSON", e);
        }
    }

    private void event(MonthlyReport report, ReportStatus from, ReportStatus to, String reason) {
        reports.record(new MonthlyReportEvent(report, from, to, reason, now(), actor.name(), actor.displayName()));
    }

    private List<MonthlyReportView> views(List<MonthlyReport> found) {
        Map<Long, List<MonthlyReportEntry>> entries = reports.entriesOf(found.stream().map(MonthlyReport::getId).toList());
        Map<Long, TaskRef> taskRefs = tasks.taskRefs(entries.values().stream().flatMap(List::stream)
                .map(MonthlyReportEntry::getTaskId).collect(Collectors.toSet()));
        LocalDate today = today();
        return found.stream().map(r -> MonthlyReportView.of(r, entries.getOrDefault(r.getId(), List.of()), taskRefs, today)).toList();
    }

    private MonthlyReport require(long id) {
        return reports.findFull(id).orElseThrow(() -> new NotFoundException("月报", id));
    }

    private int daysSince(LocalDate due) {
        return (int) ChronoUnit.DAYS.between(due, today());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
