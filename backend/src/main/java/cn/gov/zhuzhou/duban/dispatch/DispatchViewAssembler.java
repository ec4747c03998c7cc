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
        return rowViews(items.stream().map(ItemRow::of).toList());
    }

    /** Views of item rows: problem texts and cooperating units read once for the whole list. */
    List<DispatchViews.Item> rowViews(List<ItemRow> items) {
        LocalDate today = LocalDate.now(clock);
        ProgressLight.Margins margins = TaskService.margins(config);
        Map<Long, String> problemText = problems.descriptions(items.stream().map(ItemRow::problemId).collect(Collectors.toSet()));
        Map<Long, List<Long>> cooperating = dispatch.cooperatingOf(items.stream().map(ItemRow::id).toList());
        return items.stream().map(i -> new DispatchViews.Item(i.id(), new TicketRef(i.ticketId(), i.ticketNumber()),
                i.problemId(), problemText.get(i.problemId()), i.leadUnit(),
                cooperating.getOrDefault(i.id(), List.of()), i.deadline(), i.key(), i.requirement(), i.state(),
                i.isOverdue(today), i.isOverdue(today) ? (int) ChronoUnit.DAYS.between(i.deadline(), today) : 0,
                ProgressLight.ofItem(i.deadline(), i.state() == TicketItemState.VERIFIED, today, margins),
                at(i.issuedAt()), at(i.acknowledgedAt()),
                i.acknowledgedAt() == null ? null : Duration.between(i.issuedAt(), i.acknowledgedAt()).toHours(),
                i.doneReport(), at(i.verifiedAt()), i.returnReason(), i.version(), i.audit())).toList();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atZone(AuditView.ZONE).toOffsetDateTime();
    }
}
