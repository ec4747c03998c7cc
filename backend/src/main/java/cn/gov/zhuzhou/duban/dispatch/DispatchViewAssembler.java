package cn.gov.zhuzhou.duban.dispatch;

import cn.gov.zhuzhou.duban.common.audit.AuditView;
import cn.gov.zhuzhou.duban.common.config.DubanConfig;
import cn.gov.zhuzhou.duban.plan.ProgressLight;
import cn.gov.zhuzhou.duban.plan.TaskService;
import cn.gov.zhuzhou.duban.dispatch.DispatchViews.Chair;
import cn.gov.zhuzhou.duban.dispatch.DispatchViews.TicketRef;
import cn.gov.zhuzhou.duban.organisation.OrganisationService;
import cn.gov.zhuzhou.duban.organisation.PositionView;
import cn.gov.zhuzhou.duban.problem.ProblemService;
import cn.gov.zhuzhou.duban.unit.Unit;
import cn.gov.zhuzhou.duban.unit.UnitRef;
import cn.gov.zhuzhou.duban.unit.UnitService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;


/** Views of sessions and items, each list read with a fixed number of queries (chairs, units, problems, cooperating units). */
@ApplicationScoped
class DispatchViewAssembler {

    private final DispatchRepository dispatch;
    private final OrganisationService organisation;
    private final UnitService units;
    private final ProblemService problems;
    private final Clock clock;
    private final DubanConfig config;

    DispatchViewAssembler(DispatchRepository dispatch, OrganisationService organisation, UnitService units, ProblemService problems,
            Clock clock, DubanConfig config) {
        this.config = config;
        this.dispatch = dispatch;
        this.organisation = organisation;
        this.units = units;
        this.problems = problems;
        this.clock = clock;
    }

    /** Views of many sessions: chairs, participants and tickets are read once for the whole list. */
    List<DispatchViews.Session> sessionViews(List<DispatchSession> sessions, Map<Long, List<AssignmentTicket>> tickets) {
        Map<Long, PositionView> chairs = organisation.positionsByIds(sessions.stream().map(DispatchSession::getChairPositionId)
                .collect(Collectors.toSet()));
        Map<Long, UnitRef> participants = units.requireUnits(sessions.stream()
                .flatMap(s -> java.util.stream.Stream.concat(s.getParticipantUnitIds().stream(), s.getAgendaUnitIds().stream()))
                .distinct().toList(), "participantUnitIds").stream().collect(Collectors.toMap(Unit::getId, UnitRef::of));
        return sessions.stream().map(s -> {
            PositionView chair = chairs.get(s.getChairPositionId());
            return new DispatchViews.Session(s.getId(), s.getType(), s.getForm(), s.getLevel(), s.getTitle(),
                    new Chair(chair.id(), chair.title(), chair.holder()), s.getHeldOn(), s.getPlace(), s.getStatus(), s.getMinutes(), s.getCancelReason(),
                    s.getParticipantUnitIds().stream().map(participants::get).toList(), List.copyOf(s.getAgendaTaskIds()),
                    List.copyOf(s.getAgendaProblemIds()), s.getAgendaUnitIds().stream().map(participants::get).toList(),
                    s.getRegularMonth(), tickets.getOrDefault(s.getId(), List.of()).stream()
                            .map(t -> new TicketRef(t.getId(), t.getNumber())).toList(), s.getVersion(), AuditView.of(s.getAudit()));
        }).toList();
    }

    List<DispatchViews.Item> itemViews(List<TicketItem> items) {
        LocalDate today = LocalDate.now(clock);
        ProgressLight.Margins margins = TaskService.margins(config);
        Map<Long, String> problemText = problems.descriptions(items.stream().map(TicketItem::getProblemId).collect(Collectors.toSet()));
        Map<Long, List<Long>> cooperating = dispatch.cooperatingOf(items.stream().map(TicketItem::getId).toList());
        return items.stream().map(i -> new DispatchViews.Item(i.getId(), new TicketRef(i.getTicket().getId(), i.getTicket().getNumber()),
                i.getProblemId(), problemText.get(i.getProblemId()), UnitRef.of(i.getLeadUnit()),
                cooperating.getOrDefault(i.getId(), List.of()), i.getDeadline(), i.isKey(), i.getRequirement(), i.getState(),
                i.isOverdue(today), i.isOverdue(today) ? (int) ChronoUnit.DAYS.between(i.getDeadline(), today) : 0,
                ProgressLight.ofItem(i.getDeadline(), i.getState() == TicketItemState.VERIFIED, today, margins),
                at(i.getIssuedAt()), at(i.getAcknowledgedAt()),
                i.getAcknowledgedAt() == null ? null : Duration.between(i.getIssuedAt(), i.getAcknowledgedAt()).toHours(),
                i.getDoneReport(), at(i.getVerifiedAt()), i.getReturnReason(), i.getVersion(), AuditView.of(i.getAudit()))).toList();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atZone(AuditView.ZONE).toOffsetDateTime();
    }
}
