package cn.gov.zhuzhou.duban.unit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A short reference to a unit, embedded in other resources. */
@Schema(name = "UnitRef", requiredProperties = {"id", "code", "name", "cityCode"}, description = "A short reference to a unit.")
public record UnitRef(
        @Schema(example = "12") Long id,
        @Schema(example = "ZZ-EDU") String code,
        @Schema(example = "株洲市教育局") String name,
        @Schema(example = "ZZ") String cityCode) {

    public static UnitRef of(Unit u) {
        return u == null ? null : new UnitRef(u.getId(), u.getCode(), u.getName(), u.getCity().getCode());
    }
}
