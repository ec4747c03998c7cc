package cn.gov.zhuzhou.duban.dispatch;

import cn.gov.zhuzhou.duban.common.audit.AuditView;
import cn.gov.zhuzhou.duban.unit.UnitRef;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An item as its view shows it, read as one row (item, ticket number, lead unit and its city) by a constructor
 * expression: lists build their views from these, so no {@link TicketItem}, ticket, unit or city entity is loaded to
 * show an item (issue 11).
 */
record ItemRow(long id, long ticketId, String ticketNumber, Long problemId, UnitRef leadUnit, LocalDate deadline, boolean key,
        String requirement, TicketItemState state, Instant issuedAt, Instant acknowledgedAt, String doneReport, Instant verifiedAt,
        String returnReason, long version, AuditView audit) {

    /** The select list of {@link #ItemRow(long, long, String, Long, Long, String, String, String, LocalDate, boolean, String,
     * TicketItemState, Instant, Instant, String, Instant, String, long, Instant, String, String, Instant, String, String)},
     * over {@code TicketItem i join i.ticket t join i.leadUnit u join u.city c}. */
    static final String SELECT = "select new cn.gov.zhuzhou.duban.dispatch.ItemRow(i.id, t.id, t.number, i.problemId, u.id, u.code, "
            + "u.name, c.code, i.deadline, i.key, i.requirement, i.state, i.issuedAt, i.acknowledgedAt, i.doneReport, i.verifiedAt, "
            + "i.returnReason, i.version, i.audit.createdAt, i.audit.createdBy, i.audit.createdByName, i.audit.updatedAt, "
            + "i.audit.updatedBy, i.audit.updatedByName) from TicketItem i join i.ticket t join i.leadUnit u join u.city c ";

    ItemRow(long id, long ticketId, String ticketNumber, Long problemId, Long unitId, String unitCode, String unitName, String cityCode,
            LocalDate deadline, boolean key, String requirement, TicketItemState state, Instant issuedAt, Instant acknowledgedAt,
            String doneReport, Instant verifiedAt, String returnReason, long version, Instant createdAt, String createdBy,
            String createdByName, Instant updatedAt, String updatedBy, String updatedByName) {
        this(id, ticketId, ticketNumber, problemId, new UnitRef(unitId, unitCode, unitName, cityCode), deadline, key, requirement, state,
                issuedAt, acknowledgedAt, doneReport, verifiedAt, returnReason, version, AuditView.of(createdAt, createdBy, createdByName, updatedAt, updatedBy, updatedByName));
    }

    /** The row of an item already loaded (a write answers with the item it changed). */
    static ItemRow of(TicketItem i) {
        return new ItemRow(i.getId(), i.getTicket().getId(), i.getTicket().getNumber(), i.getProblemId(), UnitRef.of(i.getLeadUnit()),
                i.getDeadline(), i.isKey(), i.getRequirement(), i.getState(), i.getIssuedAt(), i.getAcknowledgedAt(), i.getDoneReport(),
                i.getVerifiedAt(), i.getReturnReason(), i.getVersion(), AuditView.of(i.getAudit()));
    }

    boolean isOverdue(LocalDate today) {
        return TicketItem.overdue(state, deadline, today);
    }
}
