package cn.gov.zhuzhou.duban.support;

import static cn.gov.zhuzhou.duban.support.Api.given;
import static cn.gov.zhuzhou.duban.support.Api.json;
import static cn.gov.zhuzhou.duban.support.Api.unique;

/** Fresh records made through the API as the office's administrator, for tests that change them. */
public final class Fixtures {

    private Fixtures() {
    }

    public static long newUnit() {
        String code = unique("ZZ-F");
        return json().body("""
                {"code": "%s", "name": "株洲市夹具局%s", "kind": "DEPARTMENT", "cityCode": "ZZ"}""".formatted(code, code))
                .post("/api/v1/units").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static long newPosition() {
        return json().body("{\"title\": \"%s\"}".formatted(unique("夹具职务")))
                .post("/api/v1/positions").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static long newGroup() {
        return json().body("{\"code\": \"%s\", \"name\": \"夹具组\", \"kind\": \"WORKING_GROUP\"}".formatted(unique("WGF")))
                .post("/api/v1/groups").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static long newPlan() {
        return json().body("{\"code\": \"%s\", \"title\": \"夹具方案\"}".formatted(unique("FX-")))
                .post("/api/v1/plans").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** The current optimistic-locking version of the resource at {@code path}. */
    public static long version(String path) {
        return given().get(path).then().statusCode(200).extract().jsonPath().getLong("version");
    }
}
