package cn.gov.zhuzhou.duban.report;

import cn.gov.zhuzhou.duban.common.persistence.IdLists;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class MonthlyReportRepository implements PanacheRepository<MonthlyReport> {

    private static final String FETCH = "select r from MonthlyReport r join fetch r.unit u join fetch u.city ";

    public Optional<MonthlyReport> findFull(long id) {
        return getEntityManager().createQuery(FETCH + "where r.id = :id", MonthlyReport.class).setParameter("id", id)
                .getResultStream().findFirst();
    }

    public boolean exists(long unitId, String month) {
        return count("unit.id = ?1 and month = ?2", unitId, month) > 0;
    }

    /**
     * A page of reports, latest month first, then by unit code: the page's ids first (sorting narrow rows: report id,
     * month, unit code), then their rows with unit and city. Sorting the whole rows of every report (24 000 at province
     * scale, unfiltered) to keep one page took ~260 ms; the ids ~18 ms.
     */
    public List<MonthlyReport> search(String month, Long unitId, ReportStatus status, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        TypedQuery<Long> q = getEntityManager().createQuery("select r.id from MonthlyReport r join r.unit u where "
                + where(month, unitId, status, params) + " order by r.month desc, u.code", Long.class)
                .setFirstResult(offset).setMaxResults(limit);
        params.forEach(q::setParameter);
        List<Long> ids = q.getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, MonthlyReport> byId = new HashMap<>();
        IdLists.query(getEntityManager(), FETCH + "where r.id in :ids", MonthlyReport.class, ids).getResultList()
                .forEach(r -> byId.put(r.getId(), r));
        return ids.stream().map(byId::get).toList();
    }

    public long countMatching(String month, Long unitId, ReportStatus status) {
        Map<String, Object> params = new HashMap<>();
        TypedQuery<Long> q = getEntityManager().createQuery("select count(r) from MonthlyReport r join r.unit u where "
                + where(month, unitId, status, params), Long.class);
        params.forEach(q::setParameter);
        return q.getSingleResult();
    }

    public List<MonthlyReport> ofMonth(String month) {
        return getEntityManager().createQuery(FETCH + "where r.month = :m", MonthlyReport.class).setParameter("m", month)
                .getResultList();
    }

    /** Entries of many reports in one statement. */
    public Map<Long, List<MonthlyReportEntry>> entriesOf(Collection<Long> reportIds) {
        if (reportIds.isEmpty()) {
            return Map.of();
        }
        return IdLists.query(getEntityManager(), "select e from MonthlyReportEntry e where e.report.id in :ids order by e.sortOrder",
                        MonthlyReportEntry.class, reportIds).getResultStream()
                .collect(java.util.stream.Collectors.groupingBy(e -> e.report().getId()));
    }

    public List<MonthlyReportRevision> revisionsOf(long reportId) {
        return getEntityManager().createQuery("select v from MonthlyReportRevision v where v.report.id = :id order by v.revision",
                MonthlyReportRevision.class).setParameter("id", reportId).getResultList();
    }

    public List<MonthlyReportEvent> eventsOf(long reportId) {
        return getEntityManager().createQuery("select e from MonthlyReportEvent e where e.report.id = :id order by e.at, e.id",
                MonthlyReportEvent.class).setParameter("id", reportId).getResultList();
    }

    public void record(Object revisionOrEvent) {
        getEntityManager().persist(revisionOrEvent);
    }

    private static String where(String month, Long unitId, ReportStatus status, Map<String, Object> params) {
        StringBuilder w = new StringBuilder("1 = 1");
        if (month != null) {
            w.append(" and r.month = :month");
            params.put("month", month);
        }
        if (unitId != null) {
            w.append(" and u.id = :unitId");
            params.put("unitId", unitId);
        }
        if (status != null) {
            w.append(" and r.status = :status");
            params.put("status", status);
        }
        return w.toString();
    }
}
