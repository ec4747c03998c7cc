package cn.gov.zhuzhou.duban.common;

import static cn.gov.zhuzhou.duban.support.Api.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import cn.gov.zhuzhou.duban.support.InjectDbProxy;
import cn.gov.zhuzhou.duban.support.TcpProxy;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** While the database is unreachable the API answers 503 problem+json with Retry-After; once back, it serves at once. */
@QuarkusTest
class DatabaseOutageTest {

    @InjectDbProxy
    TcpProxy database;

    @Inject
    DataSource dataSource;

    @AfterEach
    void restore() {
        database.restore();
    }

    @Test
    void outageGives503WithRetryAfterAndRecoversAtOnce() {
        given().get("/api/v1/tasks").then().statusCode(200);

        database.cut();
        given().get("/api/v1/tasks").then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", not(equalTo(null))).body("type", endsWith("/service-unavailable"))
                .body(not(containsString("Exception")));
        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));

        database.restore();
        given().get("/api/v1/tasks").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void connectionsTheDatabaseDroppedAreNotLentOnceTheyHaveBeenIdle() throws InterruptedException {
        given().get("/api/v1/tasks").then().statusCode(200);
        // the database drops every connection and is back before anyone asks: the pooled ones are dead
        database.cut();
        database.restore();
        // connections idle for over a second are checked before they are lent (not every borrow: issue 11)
        Thread.sleep(1_500);
        given().get("/api/v1/tasks").then().statusCode(200);
        given().get("/api/v1/units").then().statusCode(200);
    }

    @Test
    void aWriteDuringTheOutageChangesNothingAndCanBeRetried() {
        long before = given().get("/api/v1/units").then().statusCode(200).extract().jsonPath().getLong("totalItems");
        String body = """
                {"code": "ZZ-OUTAGE", "name": "株洲市停电测试局", "kind": "DEPARTMENT", "cityCode": "ZZ"}""";
        database.cut();
        cn.gov.zhuzhou.duban.support.Api.json().body(body).post("/api/v1/units").then().statusCode(503);
        database.restore();
        given().get("/api/v1/units").then().statusCode(200).body("totalItems", equalTo((int) before));
        cn.gov.zhuzhou.duban.support.Api.json().body(body).post("/api/v1/units").then().statusCode(201);
    }

    @Test
    void onceTheDatabaseIsBackNoRequestGetsAConnectionThatDiedInTheOutage() throws Exception {
        // three connections in the pool, all used a moment ago (an idle one is checked only after a second's idleness)
        try (Connection a = dataSource.getConnection(); Connection b = dataSource.getConnection(); Connection c = dataSource.getConnection()) {
            for (Connection each : List.of(a, b, c)) {
                try (Statement s = each.createStatement()) {
                    s.execute("select 1");
                }
            }
        }
        database.cut();
        given().get("/api/v1/units").then().statusCode(503);
        database.restore();
        Thread.sleep(200); // the pool drops the dead ones on its own thread
        for (int i = 0; i < 3; i++) {
            given().get("/api/v1/units").then().statusCode(200);
        }
    }
}
