package cn.gov.zhuzhou.duban.records;

import static cn.gov.zhuzhou.duban.support.Api.json;
import static cn.gov.zhuzhou.duban.support.Api.liaison;
import static cn.gov.zhuzhou.duban.support.Api.unitId;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.zhuzhou.duban.dispatch.ItemRecord;
import cn.gov.zhuzhou.duban.dispatch.ItemRecords;
import cn.gov.zhuzhou.duban.dispatch.TicketItemState;
import cn.gov.zhuzhou.duban.report.ReportRecord;
import cn.gov.zhuzhou.duban.report.ReportRecord.Timeliness;
import cn.gov.zhuzhou.duban.report.ReportRecords;
import cn.gov.zhuzhou.duban.report.TaskReportLine;
import cn.gov.zhuzhou.duban.supervision.CaseRecord;
import cn.gov.zhuzhou.duban.supervision.CaseRecords;
import cn.gov.zhuzhou.duban.supervision.SupervisionCase;
import cn.gov.zhuzhou.duban.support.Api;
import cn.gov.zhuzhou.duban.support.Fixtures;
import cn.gov.zhuzhou.duban.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The facts bulletins and the assessment count, as they stood on a day: a workflow run through the API on a moved
 * clock (spring 2029, a season no other test uses), then read back as of days before, during and after it.
 */
@QuarkusTest
class RecordsAsTheyStoodTest {

    static final YearMonth MARCH = YearMonth.of(2029, 3);

    @Inject
    TestClock clock;
    @Inject
    ReportRecords reports;
    @Inject
    ItemRecords items;
    @Inject
    CaseRecords cases;

    @BeforeEach
    void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    void submit(String unitCode, long task, LocalDate on) {
        clock.set(on.atTime(9, 0));
        Fixtures.submittedReportOn(unitCode, task, MARCH);
    }

    ReportRecord recordOf(long unit, LocalDate asOf) {
        List<ReportRecord> all = reports.reportRecords(LocalDate.of(2029, 4, 1), LocalDate.of(2029, 4, 30), asOf);
        assertThat(all).allMatch(r -> r.month().equals(MARCH));
        return all.stream().filter(r -> r.unitId() == unit).findFirst().orElseThrow();
    }

    @Test
    void aMarchReportCountsOnTimeLateOrMissingAsItStoodOnTheDay() {
        String early = Api.unique("ZZ-RA"), late = Api.unique("ZZ-RB"), silent = Api.unique("ZZ-RC");
        long earlyUnit = Fixtures.newUnitCoded(early), lateUnit = Fixtures.newUnitCoded(late), silentUnit = Fixtures.newUnitCoded(silent);
        long task = Fixtures.newTaskAnsweredBy("2029-12-31", earlyUnit, lateUnit, silentUnit);
        submit(early, task, LocalDate.of(2029, 4, 3));
        submit(late, task, LocalDate.of(2029, 4, 8));

        assertThat(recordOf(earlyUnit, LocalDate.of(2029, 4, 30)).timeliness()).isEqualTo(Timeliness.ON_TIME);
        assertThat(recordOf(lateUnit, LocalDate.of(2029, 4, 4)).timeliness()).isEqualTo(Timeliness.NOT_DUE);
        assertThat(recordOf(lateUnit, LocalDate.of(2029, 4, 6)).timeliness()).isEqualTo(Timeliness.MISSING);
        ReportRecord lateOne = recordOf(lateUnit, LocalDate.of(2029, 4, 30));
        assertThat(lateOne.timeliness()).isEqualTo(Timeliness.LATE);
        assertThat(lateOne.daysLate()).isEqualTo(3);
        assertThat(lateOne.reportId()).isNotNull();
        // a unit answering for a task that never reported is missing, with no report behind it
        assertThat(recordOf(silentUnit, LocalDate.of(2029, 4, 30))).satisfies(r -> {
            assertThat(r.timeliness()).isEqualTo(Timeliness.MISSING);
            assertThat(r.reportId()).isNull();
        });

        TaskReportLine line = reports.latestReportLines(LocalDate.of(2029, 4, 30)).get(task);
        assertThat(line.month()).isEqualTo(MARCH);
        assertThat(line.unitId()).isEqualTo(lateUnit); // the later submission of the same month
        assertThat(line.workDone()).isEqualTo("夹具月报");
        assertThat(reports.latestReportLines(LocalDate.of(2029, 4, 7)).get(task).unitId()).isEqualTo(earlyUnit);
        assertThat(reports.latestReportLines(LocalDate.of(2029, 4, 2))).doesNotContainKey(task);
    }

    @Test
    void aKeyItemAndItsCaseReadAsTheyStoodAtTheEndOfEachPeriod() {
        clock.set(LocalDateTime.of(2029, 5, 1, 9, 0));
        long item = issueItem("2029-05-10", true, "记录夹具");
        step(LocalDate.of(2029, 5, 2), "ZZ-EDU", "acknowledgements", item, null);
        step(LocalDate.of(2029, 5, 9), "ZZ-EDU", "completions", item, "已办结");
        step(LocalDate.of(2029, 5, 12), null, "returns", item, "佐证材料不全");
        step(LocalDate.of(2029, 5, 14), "ZZ-EDU", "completions", item, "补齐佐证");
        step(LocalDate.of(2029, 5, 15), null, "verifications", item, null);

        ItemRecord early = itemOf(LocalDate.of(2029, 5, 1), LocalDate.of(2029, 5, 11), item);
        assertThat(early.stateAsOf()).isEqualTo(TicketItemState.DONE_REPORTED);
        assertThat(early.acknowledgedOn()).isEqualTo(LocalDate.of(2029, 5, 2));
        assertThat(early.verifiedOn()).isNull();
        assertThat(early.overdueOn(LocalDate.of(2029, 5, 11))).isTrue();
        assertThat(early.key()).isTrue();

        ItemRecord returned = itemOf(LocalDate.of(2029, 5, 1), LocalDate.of(2029, 5, 13), item);
        assertThat(returned.stateAsOf()).isEqualTo(TicketItemState.RETURNED);
        assertThat(returned.doneReportedOn()).isEqualTo(LocalDate.of(2029, 5, 9));
        assertThat(returned.returnedOn()).containsExactly(LocalDate.of(2029, 5, 12));
        assertThat(returned.verifiedOn()).isNull();

        ItemRecord may = itemOf(LocalDate.of(2029, 5, 1), LocalDate.of(2029, 5, 31), item);
        assertThat(may.verifiedOn()).isEqualTo(LocalDate.of(2029, 5, 15));
        assertThat(may.doneReportedOn()).isEqualTo(LocalDate.of(2029, 5, 14));
        assertThat(may.closedOnTime()).isFalse();
        assertThat(may.returnsIn(LocalDate.of(2029, 5, 1), LocalDate.of(2029, 5, 31))).isEqualTo(1);
        assertThat(may.ticketNumber()).startsWith("交办〔2029〕");
        assertThat(items.itemRecords(LocalDate.of(2029, 6, 1), LocalDate.of(2029, 6, 30))).noneMatch(r -> r.itemId() == item);

        CaseRecord open = caseOf(LocalDate.of(2029, 5, 1), LocalDate.of(2029, 5, 10), item);
        assertThat(open.reason()).isEqualTo(SupervisionCase.Reason.KEY);
        assertThat(open.unitId()).isEqualTo(unitId("株洲市教育局"));
        assertThat(open.closedOn()).isNull();
        CaseRecord closed = caseOf(LocalDate.of(2029, 5, 1), LocalDate.of(2029, 5, 31), item);
        assertThat(closed.closedOn()).isEqualTo(LocalDate.of(2029, 5, 15));
        assertThat(closed.openOn(LocalDate.of(2029, 5, 14))).isTrue();
        assertThat(cases.caseRecords(LocalDate.of(2029, 6, 1), LocalDate.of(2029, 6, 30))).noneMatch(c -> c.itemId() == item);
    }

    /** Two steps at the same instant (one clock reading): the later one, by the order they were made, is the state. */
    @Test
    void stepsAtTheSameInstantStandInTheOrderTheyWereMade() {
        clock.set(LocalDateTime.of(2029, 7, 1, 9, 0));
        long item = issueItem("2029-07-10", false, "同一时刻");
        step(LocalDate.of(2029, 7, 2), "ZZ-EDU", "acknowledgements", item, null);
        step(LocalDate.of(2029, 7, 2), "ZZ-EDU", "completions", item, "当日办结");

        ItemRecord record = itemOf(LocalDate.of(2029, 7, 1), LocalDate.of(2029, 7, 31), item);
        assertThat(record.stateAsOf()).isEqualTo(TicketItemState.DONE_REPORTED);
        assertThat(record.acknowledgedOn()).isEqualTo(record.doneReportedOn()).isEqualTo(LocalDate.of(2029, 7, 2));
        assertThat(record.returnedOn()).isEmpty();
    }

    /**
     * Before 08:00 in Zhuzhou it is still the day before in UTC, as the database stores it: each step counts on its day
     * in Asia/Shanghai, and a period that ends on a day takes in nothing of the next morning.
     */
    @Test
    void stepsEarlyInTheMorningCountOnTheirDayInShanghai() {
        clock.set(LocalDateTime.of(2029, 8, 1, 9, 0));
        long item = issueItem("2029-08-20", false, "清晨办理");
        step(LocalDateTime.of(2029, 8, 2, 7, 30), "ZZ-EDU", "acknowledgements", item, null);
        step(LocalDateTime.of(2029, 8, 3, 7, 30), "ZZ-EDU", "completions", item, "清晨报办结");
        step(LocalDateTime.of(2029, 8, 4, 7, 30), null, "returns", item, "清晨退回");

        ItemRecord month = itemOf(LocalDate.of(2029, 8, 1), LocalDate.of(2029, 8, 31), item);
        assertThat(month.acknowledgedOn()).isEqualTo(LocalDate.of(2029, 8, 2));
        assertThat(month.doneReportedOn()).isEqualTo(LocalDate.of(2029, 8, 3));
        assertThat(month.returnedOn()).containsExactly(LocalDate.of(2029, 8, 4));
        assertThat(month.stateAsOf()).isEqualTo(TicketItemState.RETURNED);

        ItemRecord toThe3rd = itemOf(LocalDate.of(2029, 8, 1), LocalDate.of(2029, 8, 3), item);
        assertThat(toThe3rd.returnedOn()).as("returned on the 4th at 07:30, the 3rd in UTC").isEmpty();
        assertThat(toThe3rd.stateAsOf()).isEqualTo(TicketItemState.DONE_REPORTED);
    }

    /** One item for 株洲市教育局 on a ticket of a new session, issued at the clock's time. */
    long issueItem(String deadline, boolean key, String requirement) {
        long session = Fixtures.newSession();
        return json().body("""
                {"items": [{"problemId": %d, "leadUnitId": %d, "deadline": "%s", "key": %s, "requirement": "%s"}]}"""
                .formatted(Fixtures.classifiedProblem(), unitId("株洲市教育局"), deadline, key, requirement))
                .post("/api/v1/sessions/{id}/tickets", session).then().statusCode(201).extract().jsonPath().getLong("items[0].id");
    }

    void step(LocalDate on, String unitCode, String action, long item, String text) {
        step(on.atTime(10, 0), unitCode, action, item, text);
    }

    void step(LocalDateTime at, String unitCode, String action, long item, String text) {
        clock.set(at);
        var who = unitCode == null ? json() : liaison(unitCode);
        who.body("{%s\"version\": %d}".formatted(text == null ? "" : "\"text\": \"" + text + "\", ",
                Fixtures.version("/api/v1/ticket-items/" + item))).post("/api/v1/ticket-items/{id}/" + action, item).then().statusCode(200);
    }

    ItemRecord itemOf(LocalDate from, LocalDate to, long item) {
        return items.itemRecords(from, to).stream().filter(r -> r.itemId() == item).findFirst().orElseThrow();
    }

    CaseRecord caseOf(LocalDate from, LocalDate to, long item) {
        return cases.caseRecords(from, to).stream().filter(c -> c.itemId() == item).findFirst().orElseThrow();
    }
}
