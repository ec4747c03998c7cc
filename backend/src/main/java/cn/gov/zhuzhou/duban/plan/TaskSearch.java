package cn.gov.zhuzhou.duban.plan;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters and sort of the task list; every one optional. */
public class TaskSearch {

    /** Sort keys clients may use, mapped to the JPQL they mean; a leading '-' sorts descending. */
    static final java.util.Map<String, String> SORTS = java.util.Map.of(
            "order", "t.sortOrder",
            "code", "t.code",
            "title", "t.title",
            "deadline", "t.deadline",
            "status", "t.status",
            "progressPercent", "t.progressPercent",
            "updatedAt", "t.audit.updatedAt");

    @QueryParam("planId")
    @Parameter(description = "Only tasks of this plan.", example = "1")
    public Long planId;

    @QueryParam("kind")
    @Parameter(description = "LONG_TERM or NEAR_TERM.")
    public TaskKind kind;

    @QueryParam("areaId")
    @Parameter(description = "Only tasks of this area (专项).", example = "2")
    public Long areaId;

    @QueryParam("leadCity")
    @Pattern(regexp = "CS|ZZ|XT", message = "只能是 CS、ZZ 或 XT")
    @Parameter(description = "City that leads the task for all three cities: CS, ZZ or XT.", example = "ZZ")
    public String leadCity;

    @QueryParam("unitId")
    @Parameter(description = "Only tasks this Zhuzhou unit answers for (any role).", example = "12")
    public Long unitId;

    @QueryParam("status")
    @Parameter(description = "Task status.")
    public TaskStatus status;

    @QueryParam("deadlineFrom")
    @Parameter(description = "Deadline on or after this day.", example = "2019-01-01")
    public LocalDate deadlineFrom;

    @QueryParam("deadlineTo")
    @Parameter(description = "Deadline on or before this day.", example = "2019-12-31")
    public LocalDate deadlineTo;

    @QueryParam("q")
    @Parameter(description = "Text to find in the code, title, description or lead clause.", example = "物流")
    public String q;

    @QueryParam("light")
    @Parameter(description = "Only tasks whose light (三色督办, on their progress as it stood) is this on lightOn: GREEN, YELLOW, "
            + "RED, DONE or NOT_DUE; a parent's light is decided on its rolled-up figure.", example = "RED")
    public ProgressLight.Color light;

    @QueryParam("lightOn")
    @Parameter(description = "The day the light filter judges on (default today, Asia/Shanghai).", example = "2026-11-30")
    public LocalDate lightOn;

    /** Set by the service from the light filter: only these tasks. Never read from the request. */
    java.util.Collection<Long> onlyIds;

    /** Set by {@link TaskAccess} for partners: only tasks with a cross-city lead. Never read from the request. */
    boolean sharedOnly;

    @QueryParam("sort")
    @Pattern(regexp = "-?(order|code|title|deadline|status|progressPercent|updatedAt)",
            message = "只能按 order、code、title、deadline、status、progressPercent、updatedAt 排序，前加 - 表示降序")
    @Parameter(description = "Sort key: order (document order, default), code, title, deadline, status, progressPercent "
            + "or updatedAt; prefix '-' for descending.", example = "-deadline")
    public String sort;
}
