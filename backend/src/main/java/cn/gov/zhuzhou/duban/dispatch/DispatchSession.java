package cn.gov.zhuzhou.duban.dispatch;

import cn.gov.zhuzhou.duban.common.audit.Audit;
import cn.gov.zhuzhou.duban.common.audit.AuditListener;
import cn.gov.zhuzhou.duban.common.audit.Audited;
import cn.gov.zhuzhou.duban.common.error.IllegalTransitionException;
import cn.gov.zhuzhou.duban.common.error.InvalidRequestException;
import cn.gov.zhuzhou.duban.problem.SessionLevel;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A dispatch session (调度), chaired by a post (so a successor chairs without edits), with its participating units,
 * its agenda of tasks and problems, and its minutes.
 */
@Entity
@EntityListeners(AuditListener.class)
public class DispatchSession implements Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private SessionType type;
    @Enumerated(EnumType.STRING)
    private SessionForm form;
    @Enumerated(EnumType.STRING)
    private SessionLevel level;
    @Column(name = "chair_position_id")
    private Long chairPositionId;
    private LocalDate heldOn;
    private String place;
    private String title;
    private String minutes;
    @Enumerated(EnumType.STRING)
    private SessionStatus status = SessionStatus.PLANNED;
    @ElementCollection
    @org.hibernate.annotations.BatchSize(size = 200)
    @CollectionTable(name = "session_participant", joinColumns = @JoinColumn(name = "session_id"))
    @Column(name = "unit_id")
    private Set<Long> participantUnitIds = new LinkedHashSet<>();
    @ElementCollection
    @org.hibernate.annotations.BatchSize(size = 200)
    @CollectionTable(name = "session_agenda_task", joinColumns = @JoinColumn(name = "session_id"))
    @Column(name = "task_id")
    private Set<Long> agendaTaskIds = new LinkedHashSet<>();
    @ElementCollection
    @org.hibernate.annotations.BatchSize(size = 200)
    @CollectionTable(name = "session_agenda_problem", joinColumns = @JoinColumn(name = "session_id"))
    @Column(name = "problem_id")
    private Set<Long> agendaProblemIds = new LinkedHashSet<>();
    @ElementCollection
    @org.hibernate.annotations.BatchSize(size = 200)
    @CollectionTable(name = "session_agenda_unit", joinColumns = @JoinColumn(name = "session_id"))
    @Column(name = "unit_id")
    private Set<Long> agendaUnitIds = new LinkedHashSet<>();
    private String regularMonth;
    private String cancelReason;
    @Version
    private long version;
    @Embedded
    private Audit audit = new Audit();

    protected DispatchSession() {
    }

    DispatchSession(SessionType type, SessionForm form, SessionLevel level) {
        this.type = type;
        this.form = form;
        this.level = level;
    }

    void plan(String title, Long chairPositionId, LocalDate heldOn, String place, Set<Long> participants, Set<Long> tasks,
            Set<Long> problems) {
        this.title = title;
        this.chairPositionId = chairPositionId;
        this.heldOn = heldOn;
        this.place = place;
        this.participantUnitIds.clear();
        this.participantUnitIds.addAll(participants);
        this.agendaTaskIds.clear();
        this.agendaTaskIds.addAll(tasks);
        this.agendaProblemIds.clear();
        this.agendaProblemIds.addAll(problems);
    }

    /** The office's regular session of {@code month}, with the units that have not reported called to account. */
    void planAsRegularOf(YearMonth month, Set<Long> unreportedUnits) {
        this.regularMonth = month.toString();
        this.agendaUnitIds.clear();
        this.agendaUnitIds.addAll(unreportedUnits);
    }

    /** Minutes are written while the session is planned. */
    void recordMinutes(String minutes) {
        requirePlanned("修改会议纪要");
        this.minutes = minutes;
    }

    /** Annex 2, rule 7: a session closes only with minutes, a ticket, or both. */
    void close(long ticketsIssued) {
        requirePlanned("结束");
        if (minutes == null && ticketsIssued == 0) {
            throw new IllegalTransitionException("调度会", id, status, "结束：须先形成会议纪要或交办单");
        }
        this.status = SessionStatus.CLOSED;
    }

    /** Called off before it issued any ticket (a ticket's items are already out with their units); the reason is kept. */
    void cancel(String reason, long ticketsIssued) {
        requirePlanned("取消");
        if (ticketsIssued > 0) {
            throw new IllegalTransitionException("调度会", id, status, "取消：已出交办单，只能结束");
        }
        this.status = SessionStatus.CANCELLED;
        this.cancelReason = reason;
    }

    /** Form and level may change while planned (a meeting becomes an on-site office); the type does not. */
    void reshape(SessionForm form, SessionLevel level) {
        requirePlanned("修改");
        this.form = form;
        this.level = level;
    }

    /** A ticket comes out of a session only while it is planned. */
    void checkCanIssueTicket() {
        requirePlanned("再出交办单");
    }

    /**
     * Annex 2, rules 5 and 7: a ticket assigns only a problem this session can settle (its level at or above the one
     * the problem needs; otherwise the problem goes to a higher session first), and only a problem on its agenda: one
     * not yet on it is added. Returns whether it was added.
     */
    boolean admitOnTicket(long problemId, SessionLevel needed, String field) {
        if (level.ordinal() < needed.ordinal()) {
            throw new InvalidRequestException(field, "问题 " + problemId + " 须由 " + needed + " 及以上层级的调度会协调，本会为 " + level
                    + "：须先提交上一级调度");
        }
        return agendaProblemIds.add(problemId);
    }

    private void requirePlanned(String action) {
        if (status != SessionStatus.PLANNED) {
            throw new IllegalTransitionException("调度会", id, status, action);
        }
    }

    public String getCancelReason() {
        return cancelReason;
    }

    public Long getId() {
        return id;
    }

    public SessionType getType() {
        return type;
    }

    public SessionForm getForm() {
        return form;
    }

    public SessionLevel getLevel() {
        return level;
    }

    public Long getChairPositionId() {
        return chairPositionId;
    }

    public LocalDate getHeldOn() {
        return heldOn;
    }

    public String getPlace() {
        return place;
    }

    public String getTitle() {
        return title;
    }

    public String getMinutes() {
        return minutes;
    }

    public SessionStatus getStatus() {
        return status;
    }

    public Set<Long> getParticipantUnitIds() {
        return participantUnitIds;
    }

    public Set<Long> getAgendaTaskIds() {
        return agendaTaskIds;
    }

    public Set<Long> getAgendaProblemIds() {
        return agendaProblemIds;
    }

    public Set<Long> getAgendaUnitIds() {
        return agendaUnitIds;
    }

    /** The month whose regular office session this is (yyyy-MM), or null for any other session. */
    public String getRegularMonth() {
        return regularMonth;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public Audit getAudit() {
        return audit;
    }
}
