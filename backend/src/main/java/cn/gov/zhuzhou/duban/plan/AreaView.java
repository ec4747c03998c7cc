package cn.gov.zhuzhou.duban.plan;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AreaView", requiredProperties = {"id", "code", "name", "sortOrder"}, description = "A special project (专项) of a plan.")
public record AreaView(@Schema(example = "2") Long id, @Schema(example = "A2") String code, @Schema(example = "交通共建") String name,
        @Schema(example = "2") int sortOrder) {

    public static AreaView of(Area a) {
        return a == null ? null : new AreaView(a.getId(), a.getCode(), a.getName(), a.getSortOrder());
    }
}
