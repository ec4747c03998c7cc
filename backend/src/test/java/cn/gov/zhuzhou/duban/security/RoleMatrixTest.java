package cn.gov.zhuzhou.duban.security;

import static cn.gov.zhuzhou.duban.support.Api.asJson;
import static cn.gov.zhuzhou.duban.support.Api.as;
import static cn.gov.zhuzhou.duban.support.Api.given;
import static cn.gov.zhuzhou.duban.support.Api.json;
import static cn.gov.zhuzhou.duban.support.Api.planId;
import static cn.gov.zhuzhou.duban.support.Api.taskId;
import static cn.gov.zhuzhou.duban.support.Api.unique;
import static cn.gov.zhuzhou.duban.support.Api.unitId;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.zhuzhou.duban.publication.PublicationFixtures;
import cn.gov.zhuzhou.duban.support.Api;
import cn.gov.zhuzhou.duban.support.ContractConformance;
import cn.gov.zhuzhou.duban.support.Fixtures;
import cn.gov.zhuzhou.duban.support.Tokens;
import cn.gov.zhuzhou.duban.webhook.WebhookFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The role matrix of the README, enforced: for every operation of the API and every role, allowed or refused;
 * a refused call is 403 problem+json and changes nothing. The table must name every operation the contract has.
 */
@QuarkusTest
class RoleMatrixTest {

    static final String ADMIN = "admin", OFFICE = "office", LEADER = "leader", SUPERVISOR = "supervisor", UNIT = "unit",
            PARTNER = "partner";
    static final Set<String> EVERYONE = Set.of(ADMIN, OFFICE, LEADER, SUPERVISOR, UNIT, PARTNER);
    static final Set<String> INTERNAL = Set.of(ADMIN, OFFICE, LEADER, SUPERVISOR, UNIT);
    static final Set<String> ADMIN_ONLY = Set.of(ADMIN);
    static final Set<String> PLAN_EDITORS = Set.of(ADMIN, OFFICE);

    /** A prepared call: what to send, and what to read before and after to prove a refusal changed nothing. */
    record Fixture(Function<String, Response> call, String probe) {
    }

    record Row(Set<String> allowed, Supplier<Fixture> prepare) {
    }

    static Map<String, String> tokens() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put(ADMIN, Tokens.admin());
        t.put(OFFICE, Tokens.office());
        t.put(LEADER, Tokens.leader());
        t.put(SUPERVISOR, Tokens.supervisor());
        t.put(UNIT, Tokens.liaison("ZZ-EDU"));
        t.put(PARTNER, Tokens.partner("CS"));
        return t;
    }

    static Fixture read(String path, Object... params) {
        return new Fixture(token -> as(token).get(path, params), null);
    }

    static Fixture write(String method, String path, String body, String probe, Object... params) {
        return new Fixture(token -> {
            var spec = as(token).contentType(ContentType.JSON).accept(ContentType.JSON);
            if (body != null) {
                spec = spec.body(body);
            }
            if (("PUT".equals(method) || "PATCH".equals(method)) && probe != null) {
                // An edit carries the ETag its client read (428 without it).
                spec = spec.header("If-Match", Fixtures.etag(probe));
            }
            return spec.request(method, path, params);
        }, probe);
    }

    static Map<String, Row> table() {
        Map<String, Row> rows = new LinkedHashMap<>();
        // Units
        rows.put("listCities", new Row(EVERYONE, () -> read("/api/v1/cities")));
        rows.put("listUnits", new Row(INTERNAL, () -> read("/api/v1/units")));
        rows.put("getUnit", new Row(INTERNAL, () -> read("/api/v1/units/{id}", unitId("株洲市教育局"))));
        rows.put("createUnit", new Row(ADMIN_ONLY, () -> {
            String code = unique("ZZ-M");
            return write("POST", "/api/v1/units", """
                    {"code": "%s", "name": "株洲市测试局%s", "kind": "DEPARTMENT", "cityCode": "ZZ"}""".formatted(code, code),
                    "/api/v1/units?q=" + code);
        }));
        rows.put("updateUnit", new Row(ADMIN_ONLY, () -> {
            long id = Fixtures.newUnit();
            return write("PUT", "/api/v1/units/{id}", """
                    {"name": "株洲市改名局%d", "kind": "DEPARTMENT", "version": 0}""".formatted(id), "/api/v1/units/" + id, id);
        }));
        rows.put("deleteUnit", new Row(ADMIN_ONLY, () -> {
            long id = Fixtures.newUnit();
            return write("DELETE", "/api/v1/units/{id}", null, "/api/v1/units/" + id, id);
        }));
        // People and positions
        rows.put("listPeople", new Row(INTERNAL, () -> read("/api/v1/people")));
        rows.put("createPerson", new Row(ADMIN_ONLY, () -> write("POST", "/api/v1/people", "{\"name\": \"矩阵测试人\"}",
                "/api/v1/people?q=矩阵测试人&size=200")));
        rows.put("listPositions", new Row(INTERNAL, () -> read("/api/v1/positions")));
        rows.put("getPosition", new Row(INTERNAL, () -> read("/api/v1/positions/{id}", Fixtures.newPosition())));
        rows.put("createPosition", new Row(ADMIN_ONLY, () -> {
            String title = unique("矩阵职务");
            return write("POST", "/api/v1/positions", "{\"title\": \"%s\"}".formatted(title), "/api/v1/positions?q=" + title);
        }));
        rows.put("updatePosition", new Row(ADMIN_ONLY, () -> {
            long id = Fixtures.newPosition();
            return write("PUT", "/api/v1/positions/{id}", "{\"title\": \"改名职务\", \"version\": %d}".formatted(Fixtures.version("/api/v1/positions/" + id)),
                    "/api/v1/positions/" + id, id);
        }));
        rows.put("handOverPosition", new Row(ADMIN_ONLY, () -> {
            long id = Fixtures.newPosition();
            return write("POST", "/api/v1/positions/{id}/handover", """
                    {"successorName": "接任者", "effectiveOn": "2026-12-01", "version": %d}""".formatted(Fixtures.version("/api/v1/positions/" + id)),
                    "/api/v1/positions/" + id, id);
        }));
        // Groups
        rows.put("listGroups", new Row(INTERNAL, () -> read("/api/v1/groups")));
        rows.put("getGroup", new Row(INTERNAL, () -> read("/api/v1/groups/{id}", Fixtures.newGroup())));
        rows.put("createGroup", new Row(ADMIN_ONLY, () -> {
            String code = unique("WGM");
            return write("POST", "/api/v1/groups", "{\"code\": \"%s\", \"name\": \"矩阵组\", \"kind\": \"WORKING_GROUP\"}".formatted(code),
                    "/api/v1/groups?size=200");
        }));
        rows.put("updateGroup", new Row(ADMIN_ONLY, () -> {
            long id = Fixtures.newGroup();
            return write("PUT", "/api/v1/groups/{id}", "{\"name\": \"改名组\", \"version\": 0}", "/api/v1/groups/" + id, id);
        }));
        rows.put("createGroupMembership", new Row(ADMIN_ONLY, () -> {
            long id = Fixtures.newGroup();
            return write("POST", "/api/v1/groups/{id}/memberships", "{\"positionId\": %d, \"role\": \"MEMBER\"}".formatted(Fixtures.newPosition()),
                    "/api/v1/groups/" + id, id);
        }));
        rows.put("deleteGroupMembership", new Row(ADMIN_ONLY, () -> {
            long id = Fixtures.newGroup();
            json().body("{\"positionId\": %d, \"role\": \"MEMBER\"}".formatted(Fixtures.newPosition()))
                    .post("/api/v1/groups/{id}/memberships", id).then().statusCode(201);
            long membership = given().get("/api/v1/groups/{id}", id).then().extract().jsonPath().getLong("members[0].id");
            return write("DELETE", "/api/v1/groups/{id}/memberships/{m}", null, "/api/v1/groups/" + id, id, membership);
        }));
        // Plans
        rows.put("listPlans", new Row(INTERNAL, () -> read("/api/v1/plans")));
        rows.put("getPlan", new Row(INTERNAL, () -> read("/api/v1/plans/{id}", planId())));
        rows.put("getPlanTree", new Row(INTERNAL, () -> read("/api/v1/plans/{id}/tree", planId())));
        rows.put("listPlanAreas", new Row(INTERNAL, () -> read("/api/v1/plans/{id}/areas", planId())));
        rows.put("createPlan", new Row(ADMIN_ONLY, () -> {
            String code = unique("MX-");
            return write("POST", "/api/v1/plans", "{\"code\": \"%s\", \"title\": \"矩阵方案\"}".formatted(code), "/api/v1/plans?size=200");
        }));
        rows.put("updatePlan", new Row(ADMIN_ONLY, () -> {
            long id = Fixtures.newPlan();
            return write("PUT", "/api/v1/plans/{id}", "{\"title\": \"改名方案\", \"version\": 0}", "/api/v1/plans/" + id, id);
        }));
        rows.put("createPlanArea", new Row(PLAN_EDITORS, () -> {
            long id = Fixtures.newPlan();
            return write("POST", "/api/v1/plans/{id}/areas", "{\"code\": \"A1\", \"name\": \"矩阵专项\"}", "/api/v1/plans/" + id + "/areas", id);
        }));
        // Tasks
        rows.put("listTasks", new Row(EVERYONE, () -> read("/api/v1/tasks")));
        rows.put("getTask", new Row(EVERYONE, () -> read("/api/v1/tasks/{id}", taskId("N1"))));
        rows.put("listTaskProgress", new Row(EVERYONE, () -> read("/api/v1/tasks/{id}/progress", taskId("N1"))));
        rows.put("createTask", new Row(PLAN_EDITORS, () -> write("POST", "/api/v1/tasks", """
                {"planId": %d, "code": "%s", "kind": "NEAR_TERM", "title": "矩阵任务"}""".formatted(Api.scratchPlanId(), unique("M")),
                "/api/v1/tasks?planId=" + Api.scratchPlanId() + "&size=200")));
        rows.put("updateTask", new Row(PLAN_EDITORS, () -> {
            long id = Api.aTask("矩阵更新");
            return write("PUT", "/api/v1/tasks/{id}", """
                    {"title": "已改", "status": "IN_PROGRESS", "progressPercent": 5, "version": %d}""".formatted(Fixtures.version("/api/v1/tasks/" + id)),
                    "/api/v1/tasks/" + id, id);
        }));
        rows.put("moveTask", new Row(PLAN_EDITORS, () -> {
            long id = Api.aTask("矩阵移动");
            long parent = Api.aTask("矩阵上级");
            return write("POST", "/api/v1/tasks/{id}/move", "{\"parentId\": %d, \"version\": %d}".formatted(parent,
                    Fixtures.version("/api/v1/tasks/" + id)), "/api/v1/tasks/" + id, id);
        }));
        rows.put("deleteTask", new Row(PLAN_EDITORS, () -> {
            long id = Api.aTask("矩阵删除");
            return write("DELETE", "/api/v1/tasks/{id}", null, "/api/v1/tasks/" + id, id);
        }));
        // The liaison of 市教育局 answers for N8.2; the partner (Changsha) does not lead it.
        rows.put("reportTaskProgress", new Row(Set.of(OFFICE, UNIT), () -> {
            long id = taskId("N8.2");
            return write("POST", "/api/v1/tasks/{id}/progress", """
                    {"status": "IN_PROGRESS", "progressPercent": 30, "note": "矩阵进展", "version": %d}"""
                    .formatted(Fixtures.version("/api/v1/tasks/" + id)), "/api/v1/tasks/" + id + "/progress", id);
        }));
        // Monthly reports: the liaison of 市教育局 writes its own; the office returns; leaders and supervisors read.
        Set<String> readers = Set.of(OFFICE, LEADER, SUPERVISOR, UNIT);
        rows.put("listMonthlyReports", new Row(readers, () -> read("/api/v1/reports")));
        rows.put("getMonthlyReport", new Row(readers, () -> read("/api/v1/reports/{id}", Fixtures.newReport())));
        rows.put("listMonthlyReportRevisions", new Row(readers, () -> read("/api/v1/reports/{id}/revisions", Fixtures.submittedReport())));
        rows.put("listMonthlyReportHistory", new Row(readers, () -> read("/api/v1/reports/{id}/history", Fixtures.newReport())));
        rows.put("listReportingStandings", new Row(Set.of(OFFICE, LEADER, SUPERVISOR), () -> read("/api/v1/reporting-months/2026-10/units")));
        rows.put("createMonthlyReport", new Row(Set.of(UNIT), () -> {
            String month = Fixtures.freshMonth();
            return write("POST", "/api/v1/reports", """
                    {"month": "%s", "entries": [{"taskId": %d, "workDone": "矩阵月报", "progressPercent": 5, "track": "ON_TRACK"}]}"""
                    .formatted(month, taskId("N8.2")), "/api/v1/reports?month=" + month);
        }));
        rows.put("updateMonthlyReport", new Row(Set.of(UNIT), () -> {
            long id = Fixtures.newReport();
            return write("PUT", "/api/v1/reports/{id}", """
                    {"entries": [{"taskId": %d, "workDone": "矩阵改写", "progressPercent": 6, "track": "AT_RISK"}], "version": %d}"""
                    .formatted(taskId("N8.2"), Fixtures.version("/api/v1/reports/" + id)), "/api/v1/reports/" + id, id);
        }));
        rows.put("submitMonthlyReport", new Row(Set.of(UNIT), () -> {
            long id = Fixtures.newReport();
            return write("POST", "/api/v1/reports/{id}/submissions", "{\"version\": %d}".formatted(Fixtures.version("/api/v1/reports/" + id)),
                    "/api/v1/reports/" + id, id);
        }));
        rows.put("returnMonthlyReport", new Row(Set.of(OFFICE), () -> {
            long id = Fixtures.submittedReport();
            return write("POST", "/api/v1/reports/{id}/returns", "{\"reason\": \"请补充\", \"version\": %d}"
                    .formatted(Fixtures.version("/api/v1/reports/" + id)), "/api/v1/reports/" + id, id);
        }));
        // Problems: raised by anyone but partners (a liaison on its own tasks), classified by the office, escalated by
        // the office or a leader.
        rows.put("listProblems", new Row(readers, () -> read("/api/v1/problems")));
        rows.put("getProblem", new Row(readers, () -> read("/api/v1/problems/{id}", Fixtures.newProblem())));
        rows.put("listProblemHistory", new Row(readers, () -> read("/api/v1/problems/{id}/history", Fixtures.newProblem())));
        rows.put("createProblem", new Row(readers, () -> write("POST", "/api/v1/problems", """
                {"taskId": %d, "description": "矩阵问题", "raisedByUnitId": %d}""".formatted(taskId("N8.2"), unitId("株洲市教育局")),
                "/api/v1/problems?size=1&taskId=" + taskId("N8.2"))));
        rows.put("classifyProblem", new Row(Set.of(OFFICE), () -> {
            long id = Fixtures.newProblem();
            return write("POST", "/api/v1/problems/{id}/classifications", """
                    {"category": "LAND", "coordinationLevel": "UNIT", "version": %d}""".formatted(Fixtures.version("/api/v1/problems/" + id)),
                    "/api/v1/problems/" + id, id);
        }));
        rows.put("escalateProblem", new Row(Set.of(OFFICE, LEADER), () -> {
            long id = Fixtures.classifiedProblem();
            return write("POST", "/api/v1/problems/{id}/escalations", """
                    {"coordinationLevel": "PROVINCE", "reason": "矩阵升级", "version": %d}""".formatted(Fixtures.version("/api/v1/problems/" + id)),
                    "/api/v1/problems/" + id, id);
        }));
        // Dispatch: the office plans sessions and issues tickets; the lead unit signs for and reports its items; the
        // office verifies or returns them; leaders and supervisors read.
        Set<String> overseers = Set.of(OFFICE, LEADER, SUPERVISOR);
        rows.put("listDispatchSessions", new Row(overseers, () -> read("/api/v1/sessions")));
        rows.put("getDispatchSession", new Row(overseers, () -> read("/api/v1/sessions/{id}", Fixtures.newSession())));
        rows.put("createDispatchSession", new Row(Set.of(OFFICE), () -> write("POST", "/api/v1/sessions", """
                {"type": "AD_HOC", "form": "PLATFORM", "level": "OFFICE", "title": "矩阵调度", "chairPositionId": %d, "heldOn": "2026-11-30"}"""
                .formatted(Fixtures.chairPost()), "/api/v1/sessions?size=200")));
        rows.put("planRegularSession", new Row(Set.of(OFFICE), () -> write("POST", "/api/v1/regular-sessions", "{\"month\": \"2009-11\"}",
                "/api/v1/sessions?regularMonth=2009-11")));
        rows.put("updateDispatchSession", new Row(Set.of(OFFICE), () -> {
            long id = Fixtures.newSession();
            return write("PUT", "/api/v1/sessions/{id}", """
                    {"form": "PLATFORM", "level": "OFFICE", "title": "矩阵改期", "chairPositionId": %d, "heldOn": "2026-12-30", "version": %d}"""
                    .formatted(Fixtures.chairPost(), Fixtures.version("/api/v1/sessions/" + id)), "/api/v1/sessions/" + id, id);
        }));
        rows.put("cancelDispatchSession", new Row(Set.of(OFFICE), () -> {
            long id = Fixtures.newSession();
            return write("POST", "/api/v1/sessions/{id}/cancellations", "{\"reason\": \"矩阵取消\", \"version\": %d}"
                    .formatted(Fixtures.version("/api/v1/sessions/" + id)), "/api/v1/sessions/" + id, id);
        }));
        rows.put("recordDispatchSessionMinutes", new Row(Set.of(OFFICE), () -> {
            long id = Fixtures.newSession();
            return write("PUT", "/api/v1/sessions/{id}/minutes", "{\"minutes\": \"矩阵纪要\", \"version\": %d}"
                    .formatted(Fixtures.version("/api/v1/sessions/" + id)), "/api/v1/sessions/" + id, id);
        }));
        rows.put("closeDispatchSession", new Row(Set.of(OFFICE), () -> {
            long id = Fixtures.newSession();
            json().body("{\"minutes\": \"纪要\", \"version\": %d}".formatted(Fixtures.version("/api/v1/sessions/" + id)))
                    .header("If-Match", Fixtures.etag("/api/v1/sessions/" + id)).put("/api/v1/sessions/{id}/minutes", id).then().statusCode(200);
            return write("POST", "/api/v1/sessions/{id}/closings", "{\"version\": %d}".formatted(Fixtures.version("/api/v1/sessions/" + id)),
                    "/api/v1/sessions/" + id, id);
        }));
        rows.put("createAssignmentTicket", new Row(Set.of(OFFICE), () -> {
            long id = Fixtures.newSession();
            return write("POST", "/api/v1/sessions/{id}/tickets", """
                    {"items": [{"problemId": %d, "leadUnitId": %d, "deadline": "2030-12-31", "key": false, "requirement": "矩阵"}]}"""
                    .formatted(Fixtures.classifiedProblem(), unitId("株洲市教育局")), "/api/v1/sessions/" + id, id);
        }));
        rows.put("getAssignmentTicket", new Row(overseers, () -> {
            long item = Fixtures.newTicketItem();
            return read("/api/v1/tickets/{id}", given().get("/api/v1/ticket-items/{id}", item).then().extract().jsonPath().getLong("ticket.id"));
        }));
        rows.put("listTicketItems", new Row(readers, () -> read("/api/v1/ticket-items")));
        // Dashboard
        rows.put("getDashboard", new Row(Set.of(OFFICE, LEADER, SUPERVISOR), () -> read("/api/v1/dashboard")));
        rows.put("getTicketItem", new Row(readers, () -> read("/api/v1/ticket-items/{id}", Fixtures.newTicketItem())));
        rows.put("listTicketItemHistory", new Row(readers, () -> read("/api/v1/ticket-items/{id}/history", Fixtures.newTicketItem())));
        rows.put("acknowledgeTicketItem", new Row(Set.of(UNIT), () -> {
            long id = Fixtures.newTicketItem();
            return write("POST", "/api/v1/ticket-items/{id}/acknowledgements", "{\"version\": %d}"
                    .formatted(Fixtures.version("/api/v1/ticket-items/" + id)), "/api/v1/ticket-items/" + id, id);
        }));
        rows.put("reportTicketItemDone", new Row(Set.of(UNIT), () -> {
            long id = Fixtures.newTicketItem();
            asJson(Tokens.liaison("ZZ-EDU")).body("{\"version\": %d}".formatted(Fixtures.version("/api/v1/ticket-items/" + id)))
                    .post("/api/v1/ticket-items/{id}/acknowledgements", id).then().statusCode(200);
            return write("POST", "/api/v1/ticket-items/{id}/completions", "{\"text\": \"矩阵办结\", \"version\": %d}"
                    .formatted(Fixtures.version("/api/v1/ticket-items/" + id)), "/api/v1/ticket-items/" + id, id);
        }));
        rows.put("verifyTicketItem", new Row(Set.of(OFFICE), () -> {
            long id = Fixtures.doneTicketItem();
            return write("POST", "/api/v1/ticket-items/{id}/verifications", "{\"version\": %d}"
                    .formatted(Fixtures.version("/api/v1/ticket-items/" + id)), "/api/v1/ticket-items/" + id, id);
        }));
        rows.put("returnTicketItem", new Row(Set.of(OFFICE), () -> {
            long id = Fixtures.doneTicketItem();
            return write("POST", "/api/v1/ticket-items/{id}/returns", "{\"text\": \"退回\", \"version\": %d}"
                    .formatted(Fixtures.version("/api/v1/ticket-items/" + id)), "/api/v1/ticket-items/" + id, id);
        }));
        // Supervision: the supervision offices open cases, urge and report; the lead unit replies; the office sweeps too.
        rows.put("listSupervisionCases", new Row(readers, () -> read("/api/v1/supervision-cases")));
        rows.put("getSupervisionCase", new Row(readers, () -> read("/api/v1/supervision-cases/{id}", Fixtures.newCase())));
        rows.put("listSupervisionCaseHistory", new Row(readers, () -> read("/api/v1/supervision-cases/{id}/history", Fixtures.newCase())));
        rows.put("getSupervisionRound", new Row(overseers, () -> read("/api/v1/supervision-rounds/2026-Q4")));
        rows.put("createSupervisionCase", new Row(Set.of(SUPERVISOR), () -> {
            long item = Fixtures.newTicketItem();
            return write("POST", "/api/v1/supervision-cases", "{\"itemId\": %d}".formatted(item), "/api/v1/supervision-cases?size=1");
        }));
        rows.put("urgeSupervisionCase", new Row(Set.of(SUPERVISOR), () -> {
            long id = Fixtures.newCase();
            return write("POST", "/api/v1/supervision-cases/{id}/urgings", """
                    {"means": "PHONE", "toWhom": "市教育局局长", "content": "矩阵催办", "actedOn": "%s"}"""
                    .formatted(cn.gov.zhuzhou.duban.support.Fixtures.today()),
                    "/api/v1/supervision-cases/" + id, id);
        }));
        rows.put("replySupervisionCase", new Row(Set.of(UNIT), () -> {
            long id = Fixtures.newCase();
            return write("POST", "/api/v1/supervision-cases/{id}/replies", "{\"content\": \"矩阵回复\"}", "/api/v1/supervision-cases/" + id, id);
        }));
        rows.put("writeSupervisionReport", new Row(Set.of(SUPERVISOR), () -> {
            long id = Fixtures.newCase();
            return write("POST", "/api/v1/supervision-cases/{id}/reports", "{\"report\": \"矩阵报告\", \"version\": %d}"
                    .formatted(Fixtures.version("/api/v1/supervision-cases/" + id)), "/api/v1/supervision-cases/" + id, id);
        }));
        rows.put("sweepOverdueItems", new Row(Set.of(OFFICE, SUPERVISOR), () -> write("POST", "/api/v1/supervision-sweeps", null, "/api/v1/supervision-cases?size=1")));
        // Publications: the office generates, edits, publishes and corrects; every reader of the workflow reads what
        // was published (a unit its own lines, a partner the shared tasks); drafts are the office's.
        Set<String> publicationReaders = Set.of(OFFICE, LEADER, SUPERVISOR, UNIT, PARTNER);
        rows.put("listPublications", new Row(publicationReaders, () -> read("/api/v1/publications")));
        rows.put("getPublication", new Row(publicationReaders, () -> read("/api/v1/publications/{id}", PublicationFixtures.published())));
        rows.put("listPublicationHistory", new Row(publicationReaders,
                () -> read("/api/v1/publications/{id}/history", PublicationFixtures.published())));
        rows.put("downloadPublication", new Row(publicationReaders,
                () -> read("/api/v1/publications/{id}/documents/csv", PublicationFixtures.published())));
        rows.put("createPublication", new Row(Set.of(OFFICE), () -> {
            String month = PublicationFixtures.freshMonth();
            return write("POST", "/api/v1/publications", """
                    {"kind": "MONTHLY_BRIEF", "planId": %d, "period": "%s"}""".formatted(Api.scratchPlanId(), month),
                    "/api/v1/publications?period=" + month);
        }));
        rows.put("updatePublicationProse", new Row(Set.of(OFFICE), () -> {
            long id = PublicationFixtures.draft();
            return write("PUT", "/api/v1/publications/{id}", "{\"opening\": \"矩阵文稿\", \"version\": %d}"
                    .formatted(Fixtures.version("/api/v1/publications/" + id)), "/api/v1/publications/" + id, id);
        }));
        rows.put("publishPublication", new Row(Set.of(OFFICE), () -> {
            long id = PublicationFixtures.draft();
            return write("POST", "/api/v1/publications/{id}/releases", "{\"version\": %d}"
                    .formatted(Fixtures.version("/api/v1/publications/" + id)), "/api/v1/publications/" + id, id);
        }));
        rows.put("correctPublication", new Row(Set.of(OFFICE), () -> {
            long id = PublicationFixtures.published();
            return write("POST", "/api/v1/publications/{id}/corrections", "{\"reason\": \"矩阵更正\", \"version\": %d}"
                    .formatted(Fixtures.version("/api/v1/publications/" + id)), "/api/v1/publications/" + id + "/history", id);
        }));
        rows.put("getAssessment", new Row(readers, () -> read("/api/v1/assessments/2025")));
        rows.put("listJobRuns", new Row(Set.of(ADMIN, OFFICE), () -> read("/api/v1/job-runs")));
        rows.put("listNotifications", new Row(readers, () -> read("/api/v1/notifications")));
        rows.put("sendDueReminders", new Row(Set.of(OFFICE), () -> write("POST", "/api/v1/reminder-sweeps", null, "/api/v1/notifications?size=1")));
        // Events and webhooks: everyone reads the feed (narrowed to what each may see); partners manage their own webhooks, the admin any.
        Set<String> webhookManagers = Set.of(ADMIN, PARTNER);
        rows.put("listEvents", new Row(EVERYONE, () -> read("/api/v1/events?size=1")));
        rows.put("createWebhookSubscription", new Row(webhookManagers, () -> write("POST", "/api/v1/webhook-subscriptions", """
                {"url": "%s", "eventTypes": ["task.progress-changed"], "clientId": "service-account-duban-partner-cs", "cityCode": "CS"}"""
                .formatted(WebhookFixtures.acceptingUrl()), "/api/v1/webhook-subscriptions")));
        rows.put("listWebhookSubscriptions", new Row(webhookManagers, () -> read("/api/v1/webhook-subscriptions")));
        rows.put("getWebhookSubscription", new Row(webhookManagers, () -> read("/api/v1/webhook-subscriptions/{id}", WebhookFixtures.changshaSubscription())));
        rows.put("deleteWebhookSubscription", new Row(webhookManagers, () -> {
            long id = WebhookFixtures.changshaSubscription();
            return write("DELETE", "/api/v1/webhook-subscriptions/{id}", null, "/api/v1/webhook-subscriptions/" + id, id);
        }));
        rows.put("rotateWebhookSecret", new Row(webhookManagers, () -> {
            long id = WebhookFixtures.changshaSubscription();
            return write("POST", "/api/v1/webhook-subscriptions/{id}/secret-rotations", null, "/api/v1/webhook-subscriptions/" + id, id);
        }));
        rows.put("listWebhookDeliveries", new Row(webhookManagers,
                () -> read("/api/v1/webhook-subscriptions/{id}/deliveries", WebhookFixtures.changshaSubscription())));
        rows.put("redeliverWebhook", new Row(webhookManagers, () -> {
            long id = WebhookFixtures.succeededDelivery();
            return write("POST", "/api/v1/webhook-deliveries/{id}/redeliveries", null, null, id);
        }));
        return rows;
    }

    @Test
    void everyOperationOfTheContractIsInTheTable() {
        Map<String, Map<String, Map<String, Object>>> paths = given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().jsonPath().getMap("paths");
        Set<String> operations = new TreeSet<>();
        paths.values().forEach(ops -> ops.values().forEach(op -> operations.add((String) op.get("operationId"))));
        assertThat(new TreeSet<>(table().keySet())).isEqualTo(operations);
    }

    @Test
    void everyRoleIsAllowedOrRefusedAsTheMatrixSays() {
        Map<String, String> tokens = tokens();
        List<String> wrong = new java.util.ArrayList<>();
        ContractConformance contract = ContractConformance.load();
        table().forEach((operation, row) -> tokens.forEach((role, token) -> {
            Fixture fixture = row.prepare().get();
            String before = fixture.probe() == null ? null : given().get(fixture.probe()).then().extract().asString();
            Response response = fixture.call().apply(token);
            int status = response.statusCode();
            if (row.allowed().contains(role)) {
                if (status >= 300) {
                    wrong.add(operation + " as " + role + ": expected success, got " + status + " " + response.asString());
                } else {
                    // What the generated SPA types promise holds for every answer: documented status, types, required fields.
                    contract.issues(operation, response).forEach(issue -> wrong.add("as " + role + ": " + issue));
                }
            } else {
                if (status != 403 || !response.contentType().startsWith("application/problem+json")) {
                    wrong.add(operation + " as " + role + ": expected 403 problem+json, got " + status);
                } else {
                    contract.issues(operation, response).forEach(issue -> wrong.add("as " + role + ": " + issue));
                }
                if (fixture.probe() != null && !before.equals(given().get(fixture.probe()).then().extract().asString())) {
                    wrong.add(operation + " as " + role + ": refused, yet the data changed");
                }
            }
        }));
        assertThat(wrong).isEmpty();
    }

    @Test
    void withoutATokenEveryOperationIs401() {
        table().forEach((operation, row) -> {
            Response response = row.prepare().get().call().apply(null);
            assertThat(response.statusCode()).as(operation).isEqualTo(401);
        });
    }
}
