package cn.gov.zhuzhou.duban.e2e;

import static cn.gov.zhuzhou.duban.e2e.KeycloakE2E.user;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the packaged service, started at the same moment on one fresh schema by deploy/local/e2e.sh, as
 * a production pair would be: both come up (migrations and the seed ran once between them), they serve the same
 * data, and their schedules form one Quartz cluster — every job stored once, both instances checked in.
 */
class ClusterE2E {

    static String first;
    static String second;

    @BeforeAll
    static void connect() {
        KeycloakE2E.connect();
        first = System.getenv("DUBAN_E2E_BASE_URL");
        second = System.getenv("DUBAN_E2E_SECOND_BASE_URL");
        assertThat(second).as("DUBAN_E2E_SECOND_BASE_URL (set by deploy/local/e2e.sh)").isNotBlank();
        assertThat(System.getenv("DUBAN_E2E_DB_URL")).as("DUBAN_E2E_DB_URL (set by deploy/local/e2e.sh)").isNotBlank();
    }

    static RequestSpecification on(String baseUrl, String token) {
        return given().baseUri(baseUrl).auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    static long count(String sql) throws SQLException {
        String url = System.getenv("DUBAN_E2E_DB_URL");
        String password = System.getenv("DUBAN_E2E_DB_PASSWORD");
        try (Connection c = DriverManager.getConnection(url, System.getenv("DUBAN_E2E_DB_USER"), password == null ? "" : password);
                Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void bothInstancesServeOneDatabaseLoadedOnce() throws SQLException {
        for (String instance : new String[] {first, second}) {
            given().baseUri(instance).get("/q/health/ready").then().statusCode(200);
            on(instance, user("office")).get("/api/v1/plans").then().statusCode(200)
                    .body("items.findAll { it.code == 'ZZ-CZT-2019' }.size()", equalTo(1));
        }
        assertThat(count("select count(*) from plan")).isEqualTo(1);
        assertThat(count("select count(*) from task")).as("the seed's 29 tasks, once").isGreaterThanOrEqualTo(29).isLessThan(58);
        assertThat(count("select count(*) from DATABASECHANGELOG where ID = '12-quartz-tables'")).isEqualTo(1);

        // Written through one, read through the other.
        String code = "ZZ-CL" + System.nanoTime() % 100000;
        on(first, user("admin")).body("""
                {"code": "%s", "name": "株洲市集群测试局%s", "kind": "DEPARTMENT", "cityCode": "ZZ"}""".formatted(code, code))
                .post("/api/v1/units").then().statusCode(201);
        on(second, user("admin")).queryParam("q", code).get("/api/v1/units").then().statusCode(200).body("totalItems", equalTo(1));
    }

    @Test
    void theirSchedulesFormOneQuartzCluster() throws SQLException {
        assertThat(count("select count(*) from QRTZ_SCHEDULER_STATE where SCHED_NAME = 'duban'"))
                .as("both instances checked in to the one cluster").isEqualTo(2);
        assertThat(count("select count(*) from QRTZ_TRIGGERS where SCHED_NAME = 'duban'"))
                .as("the regular session, the overdue sweep, the reminders, the idempotency-key purge and the webhook dispatch, each stored once")
                .isEqualTo(5).isEqualTo(count("select count(distinct TRIGGER_NAME) from QRTZ_TRIGGERS where SCHED_NAME = 'duban'"));
        assertThat(count("select count(*) from QRTZ_CRON_TRIGGERS where SCHED_NAME = 'duban' and TIME_ZONE_ID = 'Asia/Shanghai'"))
                .as("the four daily or hourly jobs run on Zhuzhou's clock; the dispatch runs every few seconds").isEqualTo(4);
    }
}
