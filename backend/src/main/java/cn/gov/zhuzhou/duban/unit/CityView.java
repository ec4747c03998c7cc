package cn.gov.zhuzhou.duban.unit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CityView", requiredProperties = {"code", "name"}, description = "A city of the Changsha-Zhuzhou-Xiangtan cluster.")
public record CityView(@Schema(example = "ZZ") String code, @Schema(example = "株洲市") String name) {

    public static CityView of(City c) {
        return new CityView(c.getCode(), c.getName());
    }
}
