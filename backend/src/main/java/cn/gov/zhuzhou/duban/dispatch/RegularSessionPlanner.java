package cn.gov.zhuzhou.duban.dispatch;

import cn.gov.zhuzhou.duban.common.config.DubanConfig;
import cn.gov.zhuzhou.duban.common.error.ConflictException;
import cn.gov.zhuzhou.duban.common.error.InvalidRequestException;
import cn.gov.zhuzhou.duban.organisation.OrganisationService;
import cn.gov.zhuzhou.duban.problem.ProblemService;
import cn.gov.zhuzhou.duban.problem.SessionLevel;
import cn.gov.zhuzhou.duban.report.MonthlyReportHistoryViews.Standing;
import cn.gov.zhuzhou.duban.report.MonthlyReportService;
import cn.gov.zhuzhou.duban.report.ReportingCalendar;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Annex 2, rules 4 and 5: the office dispatches everything once a month. Its regular session of a month is planned
 * once — by the schedule from the day after reports fall due, or by the office — with last month's unreported units
 * and every unsettled problem on its agenda, chaired by the office director's post.
 */
@ApplicationScoped
public class RegularSessionPlanner {

    /** The month's regular session, and whether this call planned it. */
    public record Outcome(DispatchViews.Session session, boolean created) {
    }

    private final DispatchRepository dispatch;
    private final DispatchService sessions;
    private final OrganisationService organisation;
    private final MonthlyReportService reports;
    private final ProblemService problems;
    private final DubanConfig config;
    private final Clock clock;

    RegularSessionPlanner(DispatchRepository dispatch, DispatchService sessions, OrganisationService organisation,
            MonthlyReportService reports, ProblemService problems, DubanConfig config, Clock clock) {
        this.dispatch = dispatch;
        this.sessions = sessions;
        this.organisation = organisation;
        this.reports = reports;
        this.problems = problems;
        this.config = config;
        this.clock = clock;
    }

    /** The schedule's daily check: from the 6th, this month's regular session exists (planned now if it did not). */
    public Optional<Outcome> planThisMonthIfDue() {
        LocalDate today = LocalDate.now(clock);
        if (today.getDayOfMonth() <= ReportingCalendar.DUE_DAY) {
            return Optional.empty();
        }
        return Optional.of(plan(YearMonth.from(today)));
    }

    /**
     * Plans the regular session of {@code month} once. A second call gets the same session; so does the loser of two
     * planners racing (another instance, or a person and the schedule): the unique month keeps one row.
     */
    public Outcome plan(YearMonth month) {
        if (month.isAfter(YearMonth.now(clock))) {
            throw new InvalidRequestException("month", "不能为将来的月份安排例行调度会");
        }
        Optional<Long> existing = existing(month);
        if (existing.isPresent()) {
            return new Outcome(sessions.getSession(existing.get()), false);
        }
        long id;
        try {
            id = QuarkusTransaction.requiringNew().call(() -> create(month));
        } catch (RuntimeException e) {
            Optional<Long> winner = existing(month);
            if (winner.isEmpty()) {
                throw e;
            }
            return new Outcome(sessions.getSession(winner.get()), false);
        }
        return new Outcome(sessions.getSession(id), true);
    }

    private Optional<Long> existing(YearMonth month) {
        return QuarkusTransaction.requiringNew().call(() -> dispatch.regularSessionOf(month.toString()));
    }

    private long create(YearMonth month) {
        Long chair = organisation.officeDirectorPost()
                .orElseThrow(() -> new ConflictException("未设置领导小组办公室主任职务（办公室的 OFFICE_DIRECTOR 成员），无法安排例行调度会"));
        Set<Long> unreported = reports.standings(month.minusMonths(1)).stream()
                .filter(s -> s.standing() == Standing.MISSING || s.standing() == Standing.NOT_SUBMITTED)
                .map(s -> s.unit().id()).collect(Collectors.toCollection(LinkedHashSet::new));
        List<ProblemService.Unsettled> open = problems.unsettled();
        Set<Long> participants = new LinkedHashSet<>(unreported);
        open.forEach(p -> participants.add(p.raisedByUnitId()));
        Set<Long> agendaTasks = open.stream().map(ProblemService.Unsettled::taskId).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<Long> agendaProblems = open.stream().map(ProblemService.Unsettled::id).collect(Collectors.toCollection(LinkedHashSet::new));

        LocalDate heldOn = month.atDay(Math.min(config.dispatch().regularSessionDay(), month.lengthOfMonth()));
        LocalDate today = LocalDate.now(clock);
        if (heldOn.isBefore(today) && YearMonth.from(today).equals(month)) {
            heldOn = today;
        }
        DispatchSession s = new DispatchSession(SessionType.REGULAR, SessionForm.MEETING, SessionLevel.OFFICE);
        s.plan(month.getYear() + "年" + month.getMonthValue() + "月长株潭一体化工作例行调度会", chair, heldOn,
                config.dispatch().regularSessionPlace(), participants, agendaTasks, agendaProblems);
        s.planAsRegularOf(month, unreported);
        dispatch.persist(s);
        dispatch.flush();
        return s.getId();
    }
}
