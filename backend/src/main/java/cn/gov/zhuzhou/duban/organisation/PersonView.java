package cn.gov.zhuzhou.duban.organisation;

import cn.gov.zhuzhou.duban.common.audit.AuditView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PersonView", requiredProperties = {"id", "name", "version", "audit"}, description = "A person who holds or held a post.")
public record PersonView(
        @Schema(readOnly = true, example = "3") Long id,
        @Schema(readOnly = true, example = "P03") String code,
        @Schema(example = "何剑波") String name,
        @Schema(readOnly = true, example = "0") long version,
        @Schema(readOnly = true) AuditView audit) {

    public static PersonView of(Person p) {
        return new PersonView(p.getId(), p.getCode(), p.getName(), p.getVersion(), AuditView.of(p.getAudit()));
    }
}
