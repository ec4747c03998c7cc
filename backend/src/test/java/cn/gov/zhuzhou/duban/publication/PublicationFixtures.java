package cn.gov.zhuzhou.duban.publication;

import static cn.gov.zhuzhou.duban.support.Api.json;

import cn.gov.zhuzhou.duban.support.Api;
import cn.gov.zhuzhou.duban.support.Fixtures;
import java.time.YearMonth;
import java.util.concurrent.atomic.AtomicInteger;

/** Publications made through the API as the office, for tests that need one (each for a month never used before). */
public final class PublicationFixtures {

    private static final AtomicInteger MONTHS = new AtomicInteger();

    private PublicationFixtures() {
    }

    /** A month long ended and never used before in this run (from 1950-01), for a fresh brief of the scratch plan. */
    public static String freshMonth() {
        return YearMonth.of(1950, 1).plusMonths(MONTHS.getAndIncrement()).toString();
    }

    /** A draft brief of the scratch plan for a fresh month; returns its id. */
    public static long draft() {
        return json().body("""
                {"kind": "MONTHLY_BRIEF", "planId": %d, "period": "%s"}""".formatted(Api.scratchPlanId(), freshMonth()))
                .post("/api/v1/publications").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A published brief of the scratch plan for a fresh month; returns its id. */
    public static long published() {
        long id = draft();
        json().body("{\"version\": %d}".formatted(Fixtures.version("/api/v1/publications/" + id)))
                .post("/api/v1/publications/{id}/releases", id).then().statusCode(200);
        return id;
    }
}
