package cn.gov.zhuzhou.duban.plan;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Pieces shared by the task create and update requests. */
public final class TaskWriteFields {

    private TaskWriteFields() {
    }

    @Schema(name = "ResponsibleUnitRequest", description = "A Zhuzhou unit and its role on the task.")
    public record ResponsibleUnitRequest(
            @NotNull(message = "不能为空") @Schema(example = "12") Long unitId,
            @NotNull(message = "不能为空") @Schema(example = "MAIN") ResponsibilityRole role) {
    }

    @Schema(name = "CrossCityLeadRequest", description = "The city and unit(s) that lead the task for the three cities.")
    public record CrossCityLeadRequest(
            @NotBlank(message = "不能为空") @Pattern(regexp = "CS|ZZ|XT", message = "只能是 CS、ZZ 或 XT")
            @Schema(example = "CS") String cityCode,
            @NotNull(message = "不能为空") @Size(min = 1, message = "至少一个牵头单位") @Schema(example = "[31]") List<Long> unitIds) {
    }

    @Schema(name = "MilestoneRequest", description = "A dated step of a task.")
    public record MilestoneRequest(
            @NotBlank(message = "不能为空") @Size(max = 255, message = "不能超过 255 个字符") @Schema(example = "完成可行性研究") String title,
            @Schema(example = "2026-06-30") LocalDate dueDate,
            @Schema(example = "2026-06-20", description = "The day it was done: not after today (Asia/Shanghai).") LocalDate completedOn,
            @jakarta.validation.constraints.Min(value = 0, message = "须在 0 到 100 之间") @jakarta.validation.constraints.Max(value = 100, message = "须在 0 到 100 之间")
            @Schema(example = "40", minimum = "0", maximum = "100", description = "The progress the task should have reached by the due date "
                    + "(计划进度); shapes its expected progress. Needs a due date within the task's start and deadline; planned "
                    + "percents must not decrease with the date.") Integer plannedPercent) {
    }

    /** The editable content of a task, validated the same way on create and update. */
    public interface Content {
        String title();

        String description();

        String leadClause();

        Long areaId();

        CrossCityLeadRequest crossCityLead();

        List<ResponsibleUnitRequest> responsibleUnits();

        LocalDate deadline();

        LocalDate startDate();

        Integer weight();

        List<MilestoneRequest> milestones();

        TaskStatus status();

        Integer progressPercent();
    }
}
