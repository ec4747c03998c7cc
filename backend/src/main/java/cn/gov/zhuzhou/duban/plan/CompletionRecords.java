package cn.gov.zhuzhou.duban.plan;

import cn.gov.zhuzhou.duban.common.time.Days;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Task and milestone completions over a period, read with projections (no managed entities), for the annual
 * assessment and whoever else counts completions: which task was completed when, which milestone fell due and whether
 * it was met, each with the units answering for it as lead or main (牵头单位、主要责任单位).
 */
@ApplicationScoped
public class CompletionRecords {

    /** A task whose completion was reported in the period and still stood at its end. */
    public record TaskCompletion(long taskId, String code, String title, LocalDate completedOn, List<Long> responsibleUnitIds) {
    }

    /** A milestone that fell due in the period, with the day it was completed (null: not yet). */
    public record MilestoneRecord(long milestoneId, long taskId, String taskCode, String title, LocalDate dueDate, LocalDate completedOn,
            List<Long> responsibleUnitIds) {

        /** Completed by its due date. */
        public boolean metOnTime() {
            return completedOn != null && !completedOn.isAfter(dueDate);
        }

        /** Not completed by its due date, and that date has passed on {@code day}. */
        public boolean missedOn(LocalDate day) {
            return !metOnTime() && dueDate.isBefore(day);
        }
    }

    private final TaskRepository tasks;

    CompletionRecords(TaskRepository tasks) {
        this.tasks = tasks;
    }

    /**
     * Every task whose progress history shows it completed in [from, to] (Asia/Shanghai) and still completed at the end
     * of {@code to}; completedOn is the first report of the completion that stands (a task reopened and completed
     * again counts from the second completion). Only reported completions count: a parent whose figure rolls up from
     * its sub-tasks is not completed twice.
     */
    @Transactional
    public List<TaskCompletion> taskCompletions(LocalDate from, LocalDate to) {
        Instant start = Days.startOf(from);
        Instant end = Days.endOf(to);
        List<Object[]> rows = tasks.getEntityManager().createQuery("select p.task.id, p.status, p.reportedAt from TaskProgress p "
                        + "where p.reportedAt < :end and p.task.id in (select q.task.id from TaskProgress q where q.status = :done "
                        + "and q.reportedAt >= :start and q.reportedAt < :end) order by p.task.id, p.reportedAt, p.id", Object[].class)
                .setParameter("end", end).setParameter("start", start).setParameter("done", TaskStatus.COMPLETED).getResultList();
        Map<Long, Instant> completedAt = new LinkedHashMap<>();
        for (Object[] r : rows) {
            long taskId = (Long) r[0];
            if (r[1] == TaskStatus.COMPLETED) {
                completedAt.putIfAbsent(taskId, (Instant) r[2]);
            } else {
                completedAt.remove(taskId);
            }
        }
        completedAt.values().removeIf(at -> at.isBefore(start));
        if (completedAt.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Long>> units = responsibleUnits(completedAt.keySet());
        return tasks.getEntityManager().createQuery("select t.id, t.code, t.title from Task t where t.id in :ids order by t.id", Object[].class)
                .setParameter("ids", completedAt.keySet()).getResultStream()
                .map(r -> new TaskCompletion((Long) r[0], (String) r[1], (String) r[2],
                        Days.dayOf(completedAt.get((Long) r[0])), units.getOrDefault((Long) r[0], List.of())))
                .toList();
    }

    /** Every milestone due in [from, to], in due-date order. */
    @Transactional
    public List<MilestoneRecord> milestoneRecords(LocalDate from, LocalDate to) {
        List<Object[]> rows = tasks.getEntityManager().createQuery("select m.id, t.id, t.code, m.title, m.dueDate, m.completedOn "
                        + "from Milestone m join m.task t where m.dueDate >= :from and m.dueDate <= :to order by m.dueDate, m.id", Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Long>> units = responsibleUnits(rows.stream().map(r -> (Long) r[1]).distinct().toList());
        return rows.stream().map(r -> new MilestoneRecord((Long) r[0], (Long) r[1], (String) r[2], (String) r[3], (LocalDate) r[4],
                (LocalDate) r[5], units.getOrDefault((Long) r[1], List.of()))).toList();
    }

    /** Lead and main units of each task (annex 2, rule 5: they answer for it). */
    private Map<Long, List<Long>> responsibleUnits(Collection<Long> taskIds) {
        Map<Long, List<Long>> out = new TreeMap<>();
        tasks.getEntityManager().createQuery("select r.task.id, r.unit.id from TaskResponsibleUnit r where r.task.id in :ids "
                        + "and r.role in :roles order by r.task.id, r.unit.id", Object[].class)
                .setParameter("ids", taskIds).setParameter("roles", List.of(ResponsibilityRole.LEAD, ResponsibilityRole.MAIN))
                .getResultStream().forEach(r -> out.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add((Long) r[1]));
        return out;
    }
}
