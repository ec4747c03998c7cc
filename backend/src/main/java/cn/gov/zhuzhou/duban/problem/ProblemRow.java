package cn.gov.zhuzhou.duban.problem;

import cn.gov.zhuzhou.duban.common.audit.AuditView;
import cn.gov.zhuzhou.duban.unit.UnitRef;
import java.time.Instant;

/**
 * A problem as its view shows it, read as one row (problem, raising unit and its city) by a constructor expression:
 * the problems page builds its views from these, so no {@link Problem}, unit or city entity is loaded to list
 * problems (issue 11, session 15: the page loaded 100 problems, their units and cities as entities).
 */
record ProblemRow(long id, long taskId, UnitRef raisedBy, ProblemSource source, Long sourceRef, String description,
        ProblemStatus status, ProblemCategory category, CoordinationLevel coordinationLevel, long version, AuditView audit) {

    /** The select list of the row constructor below, over {@code Problem p join p.raisedBy u join u.city c}. */
    static final String SELECT = "select new cn.gov.zhuzhou.duban.problem.ProblemRow(p.id, p.taskId, u.id, u.code, u.name, c.code, "
            + "p.source, p.sourceRef, p.description, p.status, p.category, p.coordinationLevel, p.version, p.audit.createdAt, "
            + "p.audit.createdBy, p.audit.createdByName, p.audit.updatedAt, p.audit.updatedBy, p.audit.updatedByName) "
            + "from Problem p join p.raisedBy u join u.city c ";

    ProblemRow(long id, long taskId, Long unitId, String unitCode, String unitName, String cityCode, ProblemSource source,
            Long sourceRef, String description, ProblemStatus status, ProblemCategory category, CoordinationLevel coordinationLevel,
            long version, Instant createdAt, String createdBy, String createdByName, Instant updatedAt, String updatedBy,
            String updatedByName) {
        this(id, taskId, new UnitRef(unitId, unitCode, unitName, cityCode), source, sourceRef, description, status, category,
                coordinationLevel, version, AuditView.of(createdAt, createdBy, createdByName, updatedAt, updatedBy, updatedByName));
    }

    /** The row of a problem already loaded (a write answers with the problem it changed). */
    static ProblemRow of(Problem p) {
        return new ProblemRow(p.getId(), p.getTaskId(), UnitRef.of(p.getRaisedBy()), p.getSource(), p.getSourceRef(),
                p.getDescription(), p.getStatus(), p.getCategory(), p.getCoordinationLevel(), p.getVersion(), AuditView.of(p.getAudit()));
    }
}
