package cn.gov.zhuzhou.duban.plan;

import cn.gov.zhuzhou.duban.common.audit.Audit;
import java.time.LocalDate;

/**
 * A task's own columns as a read shows them (with its plan's period start, its area and its lead city), read by a
 * JPQL constructor expression: a plain value, never a managed entity (issue 11).
 */
record TaskRow(Long id, Long planId, LocalDate planPeriodStart, String code, TaskKind kind, String title, String description,
        String leadClause, Long areaId, String areaCode, String areaName, Integer areaSortOrder, Long parentId, String leadCityCode,
        String leadCityName, LocalDate deadline, LocalDate startDate, Integer weight, TaskStatus status, int progressPercent,
        long version, Audit audit) {

    /** The select list matching the constructor; the query joins {@code t.plan p}, left joins {@code t.area a} and {@code t.crossCityLeadCity c}. */
    static final String SELECT = "select new cn.gov.zhuzhou.duban.plan.TaskRow(t.id, p.id, p.periodStart, t.code, t.kind, t.title, "
            + "t.description, t.leadClause, a.id, a.code, a.name, a.sortOrder, t.parent.id, c.code, c.name, t.deadline, t.startDate, "
            + "t.weight, t.status, t.progressPercent, t.version, t.audit) "
            + "from Task t join t.plan p left join t.area a left join t.crossCityLeadCity c ";

    /** The day expected progress starts from: the task's own start date, else its plan's period start (as {@link Task#effectiveStart}). */
    LocalDate effectiveStart() {
        return startDate != null ? startDate : planPeriodStart;
    }

    boolean shared() {
        return leadCityCode != null;
    }

    ProgressRollup.Node node() {
        return new ProgressRollup.Node(id, parentId, status, progressPercent, weight);
    }
}
