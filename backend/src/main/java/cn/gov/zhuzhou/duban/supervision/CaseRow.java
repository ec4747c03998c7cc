package cn.gov.zhuzhou.duban.supervision;

import cn.gov.zhuzhou.duban.common.audit.AuditView;
import java.time.Instant;

/**
 * A case as its view shows it, read as one row by a constructor expression: the case list builds its views from these,
 * so no {@link SupervisionCase} entity is loaded to list cases (issue 11).
 */
record CaseRow(long id, long itemId, SupervisionCase.Reason reason, SupervisionCase.Status status, Instant openedAt, Instant closedAt,
        String report, long version, AuditView audit) {

    /** The select list over {@code SupervisionCase} (no alias), in the order of the long constructor. */
    static final String SELECT = "select new cn.gov.zhuzhou.duban.supervision.CaseRow(id, itemId, reason, status, openedAt, closedAt, "
            + "report, version, audit.createdAt, audit.createdBy, audit.createdByName, audit.updatedAt, audit.updatedBy, "
            + "audit.updatedByName) from SupervisionCase ";

    CaseRow(long id, long itemId, SupervisionCase.Reason reason, SupervisionCase.Status status, Instant openedAt, Instant closedAt,
            String report, long version, Instant createdAt, String createdBy, String createdByName, Instant updatedAt, String updatedBy,
            String updatedByName) {
        this(id, itemId, reason, status, openedAt, closedAt, report, version, AuditView.of(createdAt, createdBy, createdByName, updatedAt, updatedBy, updatedByName));
    }

    /** The row of a case already loaded (a write answers with the case it changed). */
    static CaseRow of(SupervisionCase c) {
        return new CaseRow(c.getId(), c.getItemId(), c.getReason(), c.getStatus(), c.getOpenedAt(), c.getClosedAt(), c.getReport(),
                c.getVersion(), AuditView.of(c.getAudit()));
    }
}
