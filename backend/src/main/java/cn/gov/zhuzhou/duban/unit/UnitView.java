package cn.gov.zhuzhou.duban.unit;

import cn.gov.zhuzhou.duban.common.audit.AuditView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A unit as the API shows it. */
@Schema(name = "UnitView", requiredProperties = {"id", "code", "name", "kind", "cityCode", "cityName", "version", "audit"}, description = "A responsible unit (责任单位).")
public record UnitView(
        @Schema(readOnly = true, example = "12") Long id,
        @Schema(example = "ZZ-EDU", description = "Stable code.") String code,
        @Schema(example = "株洲市教育局", description = "Full official name.") String name,
        @Schema(example = "市教育局", description = "Name as the plan document uses it.") String shortName,
        @Schema(example = "DEPARTMENT") UnitKind kind,
        @Schema(example = "ZZ", description = "City code: CS 长沙, ZZ 株洲, XT 湘潭.") String cityCode,
        @Schema(example = "株洲市") String cityName,
        @Schema(readOnly = true, example = "0", description = "Optimistic-locking version; send it back on update.") long version,
        @Schema(readOnly = true) AuditView audit) {

    public static UnitView of(Unit u) {
        return new UnitView(u.getId(), u.getCode(), u.getName(), u.getShortName(), u.getKind(),
                u.getCity().getCode(), u.getCity().getName(), u.getVersion(), AuditView.of(u.getAudit()));
    }
}
