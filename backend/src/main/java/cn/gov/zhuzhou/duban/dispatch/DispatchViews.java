package cn.gov.zhuzhou.duban.dispatch;

import cn.gov.zhuzhou.duban.common.audit.AuditView;
import cn.gov.zhuzhou.duban.events.Audience;
import cn.gov.zhuzhou.duban.organisation.PersonRef;
import cn.gov.zhuzhou.duban.problem.SessionLevel;
import cn.gov.zhuzhou.duban.unit.UnitRef;
import cn.gov.zhuzhou.duban.plan.ProgressLight;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the API shows of sessions, tickets and assigned items. */
public final class DispatchViews {

    private DispatchViews() {
    }

    @Schema(name = "ChairView", requiredProperties = {"positionId", "title"}, description = "The chairing post and who holds it now.")
    public record Chair(@Schema(example = "3") Long positionId, @Schema(example = "市委常委、市人民政府常务副市长") String title,
            PersonRef holder) {
    }

    @Schema(name = "TicketRef", requiredProperties = {"id", "number"}, description = "A ticket by id and number.")
    public record TicketRef(@Schema(example = "4") Long id, @Schema(example = "交办〔2026〕7号") String number) {
    }

    @Schema(name = "DispatchSessionView", requiredProperties = {"id", "type", "form", "level", "title", "chair", "heldOn", "status", "participants", "agendaTaskIds", "agendaProblemIds", "agendaUnits", "tickets", "version", "audit"}, description = "A dispatch session (调度).")
    public record Session(
            @Schema(readOnly = true, example = "2") Long id,
            @Schema(example = "REGULAR") SessionType type,
            @Schema(example = "MEETING") SessionForm form,
            @Schema(example = "OFFICE") SessionLevel level,
            @Schema(example = "2026年11月长株潭一体化工作调度会") String title,
            Chair chair,
            @Schema(example = "2026-11-28") LocalDate heldOn,
            @Schema(example = "市发改委三楼会议室") String place,
            @Schema(example = "PLANNED") SessionStatus status,
            @Schema(example = "会议听取了各牵头单位工作进展汇报……") String minutes,
            @Schema(example = "与市委常委会时间冲突，改期另行通知", description = "Why a cancelled session was called off.") String cancelReason,
            List<UnitRef> participants,
            @Schema(example = "[14]") List<Long> agendaTaskIds,
            @Schema(example = "[5]") List<Long> agendaProblemIds,
            @Schema(description = "Units on the agenda for not having reported last month (the regular monthly session).")
            List<UnitRef> agendaUnits,
            @Schema(example = "2026-12", description = "Set on the office's regular session of a month, planned by the schedule.")
            String regularMonth,
            List<TicketRef> tickets,
            @Schema(readOnly = true, example = "0") long version,
            @Schema(readOnly = true) AuditView audit) {
    }

    @Schema(name = "TicketItemView", requiredProperties = {"id", "ticket", "problemId", "problem", "leadUnit", "cooperatingUnitIds", "deadline", "key", "requirement", "state", "overdue", "daysOverdue", "light", "issuedAt", "version", "audit"}, description = "One assigned item (交办事项) and where it stands.")
    public record Item(
            @Schema(readOnly = true, example = "9") Long id,
            TicketRef ticket,
            @Schema(example = "5") Long problemId,
            @Schema(example = "物流园区用地指标不足") String problem,
            UnitRef leadUnit,
            @Schema(example = "[13]") List<Long> cooperatingUnitIds,
            @Schema(example = "2026-12-31") LocalDate deadline,
            @Schema(example = "true") boolean key,
            @Schema(example = "12月底前完成用地报批") String requirement,
            @Schema(example = "ACKNOWLEDGED") TicketItemState state,
            @Schema(example = "false", description = "Past its deadline and not verified.") boolean overdue,
            @Schema(example = "0") int daysOverdue,
            @Schema(readOnly = true, description = "The item's light today (三色督办): yellow near its deadline, red overdue, done once verified.")
            ProgressLight light,
            @Schema(example = "2026-11-28T10:00:00+08:00") OffsetDateTime issuedAt,
            @Schema(example = "2026-11-28T15:00:00+08:00") OffsetDateTime acknowledgedAt,
            @Schema(example = "5", description = "Hours from issue to signature (签收).") Long hoursToAcknowledge,
            @Schema(example = "已完成用地报批") String doneReport,
            @Schema(example = "2026-12-20T09:00:00+08:00") OffsetDateTime verifiedAt,
            @Schema(example = "批复文件未附") String returnReason,
            @Schema(readOnly = true, example = "1") long version,
            @Schema(readOnly = true) AuditView audit,
            @Schema(readOnly = true, description = "The item's supervision case (督办案件), if one was opened: where a liaison who was urged replies. Shown on the inbox and on one item.")
            CaseRef supervisionCase) {

        public Item(Long id, TicketRef ticket, Long problemId, String problem, UnitRef leadUnit, List<Long> cooperatingUnitIds,
                LocalDate deadline, boolean key, String requirement, TicketItemState state, boolean overdue, int daysOverdue,
                ProgressLight light, OffsetDateTime issuedAt, OffsetDateTime acknowledgedAt, Long hoursToAcknowledge, String doneReport,
                OffsetDateTime verifiedAt, String returnReason, long version, AuditView audit) {
            this(id, ticket, problemId, problem, leadUnit, cooperatingUnitIds, deadline, key, requirement, state, overdue, daysOverdue,
                    light, issuedAt, acknowledgedAt, hoursToAcknowledge, doneReport, verifiedAt, returnReason, version, audit, null);
        }

        /** Who may follow this item's events: its lead and cooperating units (as who may read it). */
        public Audience audience() {
            List<Long> concerned = new java.util.ArrayList<>(cooperatingUnitIds == null ? List.of() : cooperatingUnitIds);
            concerned.add(leadUnit.id());
            return Audience.units(concerned);
        }

        Item withSupervisionCase(CaseRef c) {
            return new Item(id, ticket, problemId, problem, leadUnit, cooperatingUnitIds, deadline, key, requirement, state, overdue,
                    daysOverdue, light, issuedAt, acknowledgedAt, hoursToAcknowledge, doneReport, verifiedAt, returnReason, version, audit, c);
        }
    }

    @Schema(name = "SupervisionCaseRef", requiredProperties = {"id", "status"}, description = "A supervision case by id and status.", readOnly = true)
    public record CaseRef(@Schema(example = "3") Long id,
            @Schema(example = "OPEN", enumeration = {"OPEN", "CLOSED"}, description = "OPEN while the item is not verified.") String status) {
    }

    @Schema(name = "AssignmentTicketView", requiredProperties = {"id", "number", "year", "seq", "sessionId", "issuedOn", "items"}, description = "An assignment ticket (交办单) and its items.")
    public record Ticket(
            @Schema(readOnly = true, example = "4") Long id,
            @Schema(example = "交办〔2026〕7号") String number,
            @Schema(example = "2026") int year,
            @Schema(example = "7") int seq,
            @Schema(example = "2") Long sessionId,
            @Schema(example = "2026-11-28") LocalDate issuedOn,
            List<Item> items) {
    }

    @Schema(name = "TicketItemEventView", requiredProperties = {"to", "at", "actor"}, description = "One state change of an item.", readOnly = true)
    public record Event(@Schema(example = "ISSUED") TicketItemState from, @Schema(example = "ACKNOWLEDGED") TicketItemState to,
            @Schema(example = "批复文件未附") String reason, @Schema(example = "2026-11-28T15:00:00+08:00") OffsetDateTime at,
            @Schema(example = "5d1e8a2c-7b3f-4c9d-a6e0-2f8b4c1d9e37", description = "Token subject of who acted (a UUID from Keycloak; \"system\" for the service's own work).") String actor,
            @Schema(example = "市发展和改革委员会联络员", description = "Display name of who acted, as the token gave it (\"系统\" for the service's own work).") String actorName) {

        static Event of(TicketItemEvent e) {
            return new Event(e.getFromState(), e.getToState(), e.getReason(), e.getAt().atZone(AuditView.ZONE).toOffsetDateTime(),
                    e.getActor(), e.getActorName());
        }
    }
}
