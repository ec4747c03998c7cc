package cn.gov.zhuzhou.duban.plan;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The light (三色督办) of a task or a ticket item on a day, with why: the expected progress (序时进度), the reported
 * progress, the days left to the deadline and a short reason. A pure rule: no database, no clock of its own.
 * Expected progress runs from 0 % at the start (the task's start date, else its plan's period start) through each
 * milestone that carries a planned percent (at its due date) to 100 % at the deadline, linear between neighbouring
 * points; without such milestones it is linear between the start and the deadline.
 */
@Schema(name = "ProgressLight", requiredProperties = {"color", "reason"},
        description = "The light of a task or ticket item on a day (三色督办), with the figures it was decided from.")
public record ProgressLight(
        @Schema(example = "YELLOW") Color color,
        @Schema(example = "50", minimum = "0", maximum = "100", description = "Expected progress (序时进度) on the day; null for a ticket item or a task without a deadline.")
        Integer expectedPercent,
        @Schema(example = "35", minimum = "0", maximum = "100", description = "Reported progress; null for a ticket item.")
        Integer reportedPercent,
        @Schema(example = "12", description = "Days from the day to the deadline; negative when overdue, null without a deadline.")
        Long daysToDeadline,
        @Schema(example = "落后序时进度15个百分点") String reason) {

    /** GREEN on track, YELLOW behind or near the deadline, RED overdue or far behind, DONE finished, NOT_DUE no deadline. */
    public enum Color {
        GREEN,
        YELLOW,
        RED,
        DONE,
        NOT_DUE
    }

    /** The configurable thresholds: percentage points behind, and days before the deadline that count as near. */
    public record Margins(int yellowMargin, int redMargin, int nearDeadlineDays, int itemNearDeadlineDays) {
    }

    /** A milestone's planned progress (计划进度): by {@code date} the task should stand at {@code percent}. */
    public record PlannedPoint(LocalDate date, int percent) {
    }

    /**
     * Expected progress on {@code on}: 0 until the start, 100 from the deadline, linear between, rounded to whole
     * percent. Without a usable start (none, or not before the deadline) it is 0 before the deadline and 100 from it.
     */
    public static int expectedPercent(LocalDate start, LocalDate deadline, LocalDate on) {
        return expectedPercent(start, deadline, List.of(), on);
    }

    /**
     * Expected progress on {@code on} along the curve (start, 0) -> each planned milestone (due date, planned percent)
     * in date order -> (deadline, 100), linear between neighbouring points and rounded to whole percent; 0 before the
     * first point, 100 from the deadline. Milestones outside [start, deadline) are ignored (validation keeps them in).
     */
    public static int expectedPercent(LocalDate start, LocalDate deadline, List<PlannedPoint> milestones, LocalDate on) {
        if (!on.isBefore(deadline)) {
            return 100;
        }
        boolean usableStart = start != null && start.isBefore(deadline);
        List<PlannedPoint> points = new ArrayList<>();
        if (usableStart) {
            points.add(new PlannedPoint(start, 0));
        }
        milestones.stream()
                .filter(m -> m.date() != null && m.date().isBefore(deadline) && (!usableStart || !m.date().isBefore(start)))
                .sorted(Comparator.comparing(PlannedPoint::date))
                .forEach(points::add);
        if (points.isEmpty()) {
            return 0;
        }
        points.add(new PlannedPoint(deadline, 100));
        int i = -1;
        while (i + 1 < points.size() && !points.get(i + 1).date().isAfter(on)) {
            i++;
        }
        if (i < 0) {
            return 0;
        }
        PlannedPoint from = points.get(i);
        PlannedPoint to = points.get(i + 1);
        long span = ChronoUnit.DAYS.between(from.date(), to.date());
        long gone = ChronoUnit.DAYS.between(from.date(), on);
        return (int) Math.round(from.percent() + (to.percent() - from.percent()) * (double) gone / span);
    }

    /** The light of a task on {@code on}. */
    public static ProgressLight ofTask(LocalDate start, LocalDate deadline, TaskStatus status, int reportedPercent, LocalDate on,
            Margins m) {
        return ofTask(start, deadline, List.of(), status, reportedPercent, on, m);
    }

    /** The light of a task on {@code on}, its expected progress shaped by its planned milestones. */
    public static ProgressLight ofTask(LocalDate start, LocalDate deadline, List<PlannedPoint> milestones, TaskStatus status,
            int reportedPercent, LocalDate on, Margins m) {
        if (status == TaskStatus.COMPLETED) {
            Integer expected = deadline == null ? null : expectedPercent(start, deadline, milestones, on);
            return new ProgressLight(Color.DONE, expected, reportedPercent, days(on, deadline), "已完成");
        }
        if (deadline == null) {
            return new ProgressLight(Color.NOT_DUE, null, reportedPercent, null, "未设截止日期");
        }
        int expected = expectedPercent(start, deadline, milestones, on);
        long days = ChronoUnit.DAYS.between(on, deadline);
        int behind = expected - reportedPercent;
        if (days < 0) {
            return new ProgressLight(Color.RED, expected, reportedPercent, days, "已逾期" + (-days) + "天");
        }
        if (behind > m.redMargin()) {
            return new ProgressLight(Color.RED, expected, reportedPercent, days, "落后序时进度" + behind + "个百分点");
        }
        if (behind > m.yellowMargin()) {
            return new ProgressLight(Color.YELLOW, expected, reportedPercent, days, "落后序时进度" + behind + "个百分点");
        }
        if (days <= m.nearDeadlineDays()) {
            return new ProgressLight(Color.YELLOW, expected, reportedPercent, days, nearReason(days));
        }
        return new ProgressLight(Color.GREEN, expected, reportedPercent, days, "按序时进度推进");
    }

    /** The light of a ticket item on {@code on}: done once verified, red overdue, yellow near its deadline. */
    public static ProgressLight ofItem(LocalDate deadline, boolean verified, LocalDate on, Margins m) {
        Long days = days(on, deadline);
        if (verified) {
            return new ProgressLight(Color.DONE, null, null, days, "已核销");
        }
        if (deadline == null) {
            return new ProgressLight(Color.NOT_DUE, null, null, null, "未设办理时限");
        }
        if (days < 0) {
            return new ProgressLight(Color.RED, null, null, days, "已逾期" + (-days) + "天");
        }
        if (days <= m.itemNearDeadlineDays()) {
            return new ProgressLight(Color.YELLOW, null, null, days, nearReason(days));
        }
        return new ProgressLight(Color.GREEN, null, null, days, "按期办理中");
    }

    private static String nearReason(long days) {
        return days == 0 ? "今日到期" : "距截止日期还有" + days + "天";
    }

    private static Long days(LocalDate on, LocalDate deadline) {
        return deadline == null ? null : ChronoUnit.DAYS.between(on, deadline);
    }
}
