package cn.gov.zhuzhou.duban.report;

import cn.gov.zhuzhou.duban.common.time.Days;
import cn.gov.zhuzhou.duban.plan.TaskService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The monthly reports as they stood on a day, read as plain rows (no managed entities): what bulletins, summaries and
 * the annual assessment count. A report's timeliness is decided by its first submission ({@link ReportRecord}).
 */
@ApplicationScoped
public class ReportRecords {

    private final MonthlyReportRepository reports;
    private final TaskService tasks;

    ReportRecords(MonthlyReportRepository reports, TaskService tasks) {
        this.reports = reports;
        this.tasks = tasks;
    }

    /**
     * Every expected report falling due in [{@code dueFrom}, {@code dueTo}] as it stood at the end of {@code asOf}:
     * each lead or main responsible unit (annex 2, rule 5) and any other unit that reported on such a month. Sorted by
     * month, then unit id.
     */
    @Transactional
    public List<ReportRecord> reportRecords(LocalDate dueFrom, LocalDate dueTo, LocalDate asOf) {
        List<YearMonth> months = monthsDueIn(dueFrom, dueTo);
        if (months.isEmpty()) {
            return List.of();
        }
        List<String> keys = months.stream().map(YearMonth::toString).toList();
        EntityManager em = reports.getEntityManager();
        // report id, unit id, month, first submission (revision 1)
        List<Object[]> rows = em.createQuery("select r.id, r.unit.id, r.month, v.submittedAt from MonthlyReport r "
                + "left join MonthlyReportRevision v on v.report = r and v.revision = 1 where r.month in :months", Object[].class)
                .setParameter("months", keys).getResultList();
        Map<String, Object[]> byUnitMonth = new HashMap<>();
        for (Object[] row : rows) {
            byUnitMonth.put(row[1] + "/" + row[2], row);
        }
        Set<Long> expected = new LinkedHashSet<>(tasks.reportingUnitIds());
        List<ReportRecord> out = new ArrayList<>();
        for (YearMonth month : months) {
            Set<Long> unitIds = new HashSet<>(expected);
            rows.stream().filter(r -> month.toString().equals(r[2])).forEach(r -> unitIds.add((Long) r[1]));
            for (Long unitId : unitIds) {
                Object[] row = byUnitMonth.get(unitId + "/" + month);
                Long reportId = row == null ? null : (Long) row[0];
                LocalDate first = row == null ? null : Days.dayOf((Instant) row[3]);
                out.add(ReportRecord.decide(unitId, month, reportId, first, asOf));
            }
        }
        out.sort(Comparator.comparing(ReportRecord::month).thenComparing(ReportRecord::unitId));
        return out;
    }

    /**
     * Each task's latest reported line as it stood at the end of {@code asOf}: among reports first submitted by then,
     * the entry of the latest month (the latest submission on a tie). Looks back twelve months: an older line is no
     * longer news for a bulletin.
     */
    @Transactional
    public Map<Long, TaskReportLine> latestReportLines(LocalDate asOf) {
        Instant end = Days.endOf(asOf);
        String earliest = YearMonth.from(asOf).minusMonths(12).toString();
        List<Object[]> rows = reports.getEntityManager().createQuery("select e.taskId, r.unit.id, r.id, r.month, e.workDone, "
                        + "e.progressPercent, e.track, v.submittedAt from MonthlyReportEntry e join e.report r "
                        + "join MonthlyReportRevision v on v.report = r and v.revision = 1 "
                        + "where v.submittedAt < :end and r.month >= :earliest", Object[].class)
                .setParameter("end", end).setParameter("earliest", earliest).getResultList();
        Map<Long, TaskReportLine> latest = new HashMap<>();
        for (Object[] row : rows) {
            TaskReportLine line = new TaskReportLine((Long) row[0], (Long) row[1], (Long) row[2], YearMonth.parse((String) row[3]),
                    (String) row[4], (Integer) row[5], (Track) row[6], Days.dayOf((Instant) row[7]));
            latest.merge(line.taskId(), line, (a, b) -> newer(a, b) ? a : b);
        }
        return latest;
    }

    private static boolean newer(TaskReportLine a, TaskReportLine b) {
        int byMonth = a.month().compareTo(b.month());
        if (byMonth != 0) {
            return byMonth > 0;
        }
        int byDay = a.submittedOn().compareTo(b.submittedOn());
        return byDay != 0 ? byDay > 0 : a.reportId() > b.reportId();
    }

    /** The months whose reports fall due (the 5th of the next month) within the range. */
    static List<YearMonth> monthsDueIn(LocalDate dueFrom, LocalDate dueTo) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(dueFrom).minusMonths(1); !ReportingCalendar.dueDate(m).isAfter(dueTo); m = m.plusMonths(1)) {
            if (!ReportingCalendar.dueDate(m).isBefore(dueFrom)) {
                months.add(m);
            }
        }
        return months;
    }
}
