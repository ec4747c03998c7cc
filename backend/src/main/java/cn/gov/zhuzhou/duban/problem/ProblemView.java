package cn.gov.zhuzhou.duban.problem;

import cn.gov.zhuzhou.duban.common.audit.AuditView;
import cn.gov.zhuzhou.duban.plan.TaskRef;
import cn.gov.zhuzhou.duban.unit.UnitRef;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ProblemView", requiredProperties = {"id", "task", "raisedBy", "source", "description", "status", "version", "audit"}, description = "A problem or difficulty raised on a task, as the office classified it.")
public record ProblemView(
        @Schema(readOnly = true, example = "5") Long id,
        TaskRef task,
        @Schema(description = "The unit that raised it.") UnitRef raisedBy,
        @Schema(example = "REPORT") ProblemSource source,
        @Schema(example = "7", description = "The report, session or case it came from.") Long sourceRef,
        @Schema(example = "物流园区用地指标不足，需省里统筹") String description,
        @Schema(example = "CLASSIFIED") ProblemStatus status,
        @Schema(example = "LAND") ProblemCategory category,
        @Schema(example = "CITY_LEVEL_OF_THREE_CITIES") CoordinationLevel coordinationLevel,
        @Schema(example = "DEPUTY_MAYOR", description = "The session level that can settle it (annex 2, rule 5).") SessionLevel settledBy,
        @Schema(readOnly = true, example = "1") long version,
        @Schema(readOnly = true) AuditView audit) {

    static ProblemView of(ProblemRow p, TaskRef task) {
        CoordinationLevel level = p.coordinationLevel();
        return new ProblemView(p.id(), task, p.raisedBy(), p.source(), p.sourceRef(), p.description(), p.status(), p.category(), level,
                level == null ? null : level.settledBy(), p.version(), p.audit());
    }

    @Schema(name = "ProblemEventView", requiredProperties = {"kind", "toStatus", "at", "actor"}, description = "One step in a problem's life.", readOnly = true)
    public record EventView(@Schema(example = "ESCALATED") ProblemEvent.Kind kind,
            @Schema(example = "CLASSIFIED") ProblemStatus fromStatus, @Schema(example = "CLASSIFIED") ProblemStatus toStatus,
            @Schema(example = "DEPARTMENTS_OF_THREE_CITIES") CoordinationLevel fromLevel,
            @Schema(example = "CITY_LEVEL_OF_THREE_CITIES") CoordinationLevel toLevel,
            @Schema(example = "三市部门协调未果，需市级层面协调") String reason,
            @Schema(example = "2026-11-10T09:00:00+08:00") OffsetDateTime at,
            @Schema(example = "3f6c2a9e-8b1d-4e7a-9c35-2d0f1b7a6e41", description = "Token subject of who acted (a UUID from Keycloak; \"system\" for the service's own work).") String actor,
            @Schema(example = "督办办公室", description = "Display name of who acted, as the token gave it (\"系统\" for the service's own work).") String actorName) {

        static EventView of(ProblemEvent e) {
            return new EventView(e.getKind(), e.getFromStatus(), e.getToStatus(), e.getFromLevel(), e.getToLevel(), e.getReason(),
                    e.getAt().atZone(AuditView.ZONE).toOffsetDateTime(), e.getActor(), e.getActorName());
        }
    }
}
