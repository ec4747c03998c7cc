package cn.gov.zhuzhou.duban.organisation;

import cn.gov.zhuzhou.duban.common.audit.AuditView;
import cn.gov.zhuzhou.duban.unit.UnitRef;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "GroupView", requiredProperties = {"id", "code", "name", "kind", "version", "audit"}, description = "A group of annex 1; members only on the single-group read.")
public record GroupView(
        @Schema(readOnly = true, example = "3") Long id,
        @Schema(example = "WG1") String code,
        @Schema(example = "物流枢纽建设工作组") String name,
        @Schema(example = "WORKING_GROUP") GroupKind kind,
        @Schema(example = "1") Long parentId,
        @Schema(description = "Unit where the group's office sits.") UnitRef hostUnit,
        @Schema(example = "14", description = "Task a working group drives.") Long taskId,
        @Schema(example = "负责长株潭启动全国区域性物流枢纽工程建设工作的统筹协调。") String duties,
        @Schema(readOnly = true, description = "The roster in document order.") List<MembershipView> members,
        @Schema(readOnly = true, example = "0") long version,
        @Schema(readOnly = true) AuditView audit) {

    public static GroupView of(Group g, List<MembershipView> members) {
        return new GroupView(g.getId(), g.getCode(), g.getName(), g.getKind(), g.getParent() == null ? null : g.getParent().getId(),
                UnitRef.of(g.getHostUnit()), g.getTaskId(), g.getDuties(), members, g.getVersion(), AuditView.of(g.getAudit()));
    }
}
