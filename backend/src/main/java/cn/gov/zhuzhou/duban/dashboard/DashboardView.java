package cn.gov.zhuzhou.duban.dashboard;

import cn.gov.zhuzhou.duban.plan.ProgressLight;
import cn.gov.zhuzhou.duban.plan.TaskStatus;
import cn.gov.zhuzhou.duban.unit.UnitRef;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DashboardView", requiredProperties = {"date", "lights", "reports", "overdueKeyItems", "openCases", "waitingOnLeaders"},
        description = "What a leader looks at first, on a day: every count comes with the list that returns exactly those rows.", readOnly = true)
public record DashboardView(
        @Schema(example = "2026-11-30", description = "The day the lights and overdue items are judged on.") LocalDate date,
        @Schema(example = "1", description = "The plan whose tasks are counted; null: every plan.") Long planId,
        Lights lights,
        Reports reports,
        @Schema(description = "Key items (重点事项) overdue on the day: not verified, deadline before it.") Figure overdueKeyItems,
        @Schema(description = "Supervision cases open now.") Figure openCases,
        @Schema(description = "Problems waiting on a leader's level: classified, not settled, at a coordination level whose "
                + "session sits above the office's (every level but UNIT).") Figure waitingOnLeaders) {

    @Schema(name = "DashboardFigure", requiredProperties = {"count", "list"}, description = "A count and the list request that returns exactly those rows (its totalItems equals count).")
    public record Figure(@Schema(example = "3") long count,
            @Schema(example = "/api/v1/ticket-items?key=true&overdueOn=2026-11-30") String list) {
    }

    @Schema(name = "DashboardColorCount", requiredProperties = {"color", "count", "list"}, description = "How many tasks show a light, and their list.")
    public record ColorCount(@Schema(example = "RED") ProgressLight.Color color, @Schema(example = "2") long count,
            @Schema(example = "/api/v1/tasks?light=RED&lightOn=2026-11-30&planId=1&areaId=2") String list) {
    }

    @Schema(name = "DashboardAreaLights", requiredProperties = {"areaId", "areaName", "colors"}, description = "The lights of one area's tasks (专项).")
    public record AreaLights(@Schema(example = "2") long areaId, @Schema(example = "交通互联互通") String areaName, List<ColorCount> colors) {
    }

    @Schema(name = "DashboardTaskLight", requiredProperties = {"taskId", "code", "title", "status", "progressPercent", "light"},
            description = "A task behind (yellow or red) and its light, on its progress as it stood (a parent's rolled up).")
    public record TaskLight(@Schema(example = "14") long taskId, @Schema(example = "N6") String code,
            @Schema(example = "启动全国区域性物流枢纽工程建设") String title, @Schema(example = "2") Long areaId,
            @Schema(example = "IN_PROGRESS") TaskStatus status, @Schema(example = "35") int progressPercent, ProgressLight light) {
    }

    @Schema(name = "DashboardLights", requiredProperties = {"totals", "byArea", "tasksBehind"}, description = "Task lights on the day: per colour, per area, and the tasks behind.")
    public record Lights(@Schema(description = "Every task per colour (tasks without an area included).") List<ColorCount> totals,
            @Schema(description = "Per area, per colour.") List<AreaLights> byArea,
            @Schema(description = "The tasks behind: RED then YELLOW, each in plan order, at most the configured number (50 by "
                    + "default, DUBAN_DASHBOARD_TASKS_BEHIND_LIMIT); the colour counts in totals link to all of them.") List<TaskLight> tasksBehind) {
    }

    @Schema(name = "DashboardReports", requiredProperties = {"month", "dueDate", "expected", "submitted", "onTime", "late", "missing",
            "lateUnits", "missingUnits"}, description = "The monthly reports due this month (on last month's work), as the month's reporting standings count them.")
    public record Reports(@Schema(example = "2026-10", description = "The month reported on (yyyy-MM).") String month,
            @Schema(example = "2026-11-05") LocalDate dueDate,
            @Schema(description = "Every unit expected to report.") Figure expected,
            @Schema(description = "Submitted, on time or late.") Figure submitted,
            @Schema(description = "Submitted by the due date.") Figure onTime,
            @Schema(description = "Submitted after the due date.") Figure late,
            @Schema(description = "Not submitted: no report, or a draft or returned report not submitted again.") Figure missing,
            @Schema(example = "83", description = "Submitted / expected, in whole percent; null when nobody is expected.") Integer ratePercent,
            List<UnitRef> lateUnits, List<UnitRef> missingUnits) {
    }
}
