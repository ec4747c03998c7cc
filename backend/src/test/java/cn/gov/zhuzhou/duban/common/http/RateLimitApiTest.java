package cn.gov.zhuzhou.duban.common.http;

import static cn.gov.zhuzhou.duban.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import cn.gov.zhuzhou.duban.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A partner system that calls too often is told to slow down, and when to come back; others are not affected. */
@QuarkusTest
class RateLimitApiTest {

    @BeforeEach
    void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** A partner client limited to 3 requests a minute in the test profile. */
    private static String limitedPartner(String subject) {
        return Tokens.claims(subject, "限流测试伙伴", "partner").claim("city", "CS").claim("azp", "rate-limited-partner").sign();
    }

    @Test
    void theFourthRequestInAMinuteIsRefusedWithRetryAfter() {
        String token = limitedPartner("service-account-rate-limited-" + System.nanoTime());
        for (int i = 0; i < 3; i++) {
            as(token).get("/api/v1/cities").then().statusCode(200);
        }
        as(token).get("/api/v1/cities").then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("type", equalTo("https://duban.zhuzhou.gov.cn/problems/too-many-requests"))
                .body("detail", matchesPattern("(?s).*[\\u4e00-\\u9fa5].*"));
        // Another client's system is not slowed by it.
        as(Tokens.partner("XT")).get("/api/v1/cities").then().statusCode(200);
    }
}
