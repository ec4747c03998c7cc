package cn.gov.zhuzhou.duban.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.zhuzhou.duban.assessment.AssessmentRules.Weight;
import cn.gov.zhuzhou.duban.unit.UnitRef;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The assessment rules (考核细则) as pure arithmetic: points, caps, late days, ties and traceable lines. */
class AssessmentScorerTest {

    static final LocalDate D = LocalDate.of(2032, 3, 7);

    /** The defaults of DUBAN_ASSESSMENT_* (see the README). */
    static AssessmentRules defaults() {
        Map<AssessmentRule, Weight> w = new EnumMap<>(AssessmentRule.class);
        w.put(AssessmentRule.REPORT_ON_TIME, Weight.of("0.5", "6"));
        w.put(AssessmentRule.REPORT_LATE, Weight.of("-1"));
        w.put(AssessmentRule.REPORT_MISSING, Weight.of("-3"));
        w.put(AssessmentRule.ITEM_CLOSED_ON_TIME, Weight.of("1", "10"));
        w.put(AssessmentRule.ITEM_CLOSED_LATE, Weight.of("-1"));
        w.put(AssessmentRule.ITEM_RETURNED, Weight.of("-1"));
        w.put(AssessmentRule.KEY_ITEM_OVERDUE, Weight.of("-5"));
        w.put(AssessmentRule.ITEM_OVERDUE, Weight.of("-2"));
        w.put(AssessmentRule.SUPERVISION_CASE, Weight.of("-2"));
        w.put(AssessmentRule.TASK_COMPLETED, Weight.of("3", "15"));
        w.put(AssessmentRule.MILESTONE_ON_TIME, Weight.of("1", "10"));
        w.put(AssessmentRule.MILESTONE_MISSED, Weight.of("-1"));
        return new AssessmentRules(new BigDecimal("100"), w, new BigDecimal("-0.2"), new BigDecimal("3"));
    }

    final AssessmentScorer scorer = new AssessmentScorer(defaults());

    static UnitRef unit(long id, String code) {
        return new UnitRef(id, code, "株洲市" + code + "局", "ZZ");
    }

    static AssessmentFact fact(AssessmentRule rule, long id) {
        return AssessmentFact.of(rule, RecordType.TICKET_ITEM, id, "交办〔2032〕" + id + "号", D, "事项 " + id);
    }

    static AssessmentFact late(long reportId, int days) {
        return new AssessmentFact(AssessmentRule.REPORT_LATE, RecordType.MONTHLY_REPORT, reportId, "2032-02 月报", D, days, "逾期 " + days + " 天");
    }

    static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }

    @Test
    void aUnitWithoutRecordsKeepsTheBaseScoreAsItsOnlyLine() {
        AssessmentView.Breakdown b = scorer.score(unit(1, "A"), List.of());
        assertThat(b.score()).isEqualByComparingTo("100");
        assertThat(b.lines()).singleElement().satisfies(l -> {
            assertThat(l.rule()).isEqualTo(AssessmentRule.BASE);
            assertThat(l.recordId()).isNull();
        });
    }

    @Test
    void everyRuleAddsItsConfiguredPointsAndTheLinesAddUpToTheScore() {
        List<AssessmentFact> facts = List.of(
                AssessmentFact.of(AssessmentRule.REPORT_ON_TIME, RecordType.MONTHLY_REPORT, 11L, "2032-01 月报", D, "按时"),   // +0.5
                AssessmentFact.of(AssessmentRule.REPORT_MISSING, RecordType.MONTHLY_REPORT, null, "2032-02 月报", D, "未报"), // -3
                fact(AssessmentRule.ITEM_CLOSED_ON_TIME, 21),   // +1
                fact(AssessmentRule.ITEM_CLOSED_LATE, 22),      // -1
                fact(AssessmentRule.ITEM_RETURNED, 22),         // -1
                fact(AssessmentRule.ITEM_RETURNED, 22),         // -1 (a second return of the same item counts again)
                fact(AssessmentRule.KEY_ITEM_OVERDUE, 23),      // -5
                fact(AssessmentRule.ITEM_OVERDUE, 24),          // -2
                AssessmentFact.of(AssessmentRule.SUPERVISION_CASE, RecordType.SUPERVISION_CASE, 31L, "案件 31", D, "立案"), // -2
                AssessmentFact.of(AssessmentRule.TASK_COMPLETED, RecordType.TASK, 41L, "N1.1", D, "完成"),         // +3
                AssessmentFact.of(AssessmentRule.MILESTONE_ON_TIME, RecordType.MILESTONE, 51L, "节点", D, "按期"),  // +1
                AssessmentFact.of(AssessmentRule.MILESTONE_MISSED, RecordType.MILESTONE, 52L, "节点", D, "未按期")); // -1
        // 100 + 0.5 - 3 + 1 - 1 - 1 - 1 - 5 - 2 - 2 + 3 + 1 - 1 = 89.5
        AssessmentView.Breakdown b = scorer.score(unit(1, "A"), facts);
        assertThat(b.score()).isEqualByComparingTo("89.5");
        assertThat(b.lines()).hasSize(13);
        assertThat(b.lines().stream().map(AssessmentView.Line::points).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(b.score());
        assertThat(b.lines()).filteredOn(l -> l.rule() == AssessmentRule.ITEM_RETURNED).hasSize(2)
                .allSatisfy(l -> assertThat(l.recordId()).isEqualTo(22L));
        assertThat(b.lines()).filteredOn(l -> l.rule() == AssessmentRule.KEY_ITEM_OVERDUE).singleElement()
                .satisfies(l -> assertThat(l.points()).isEqualByComparingTo("-5"));
    }

    @Test
    void aLateReportCostsItsPointsPlusPerDayUpToItsOwnCap() {
        // -1 - 0.2 x 2 = -1.4
        assertThat(scorer.pointsOf(late(1, 2), defaults().weight(AssessmentRule.REPORT_LATE))).isEqualByComparingTo("-1.4");
        // -1 - 0.2 x 10 = -3.0: exactly the cap
        assertThat(scorer.pointsOf(late(1, 10), defaults().weight(AssessmentRule.REPORT_LATE))).isEqualByComparingTo("-3");
        // -1 - 0.2 x 25 = -6.0, capped at -3 per report
        assertThat(scorer.pointsOf(late(1, 25), defaults().weight(AssessmentRule.REPORT_LATE))).isEqualByComparingTo("-3");
        AssessmentView.Breakdown b = scorer.score(unit(1, "A"), List.of(late(1, 2), late(2, 25)));
        assertThat(b.score()).isEqualByComparingTo("95.6"); // 100 - 1.4 - 3
    }

    @Test
    void aBonusStopsAtItsYearlyCapAndTheLineSaysSo() {
        List<AssessmentFact> facts = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            facts.add(AssessmentFact.of(AssessmentRule.REPORT_ON_TIME, RecordType.MONTHLY_REPORT, (long) m, "月报 " + m, D.plusDays(m), "按时"));
        }
        // 13 on-time reports x 0.5 = 6.5, capped at 6: the 13th earns nothing
        facts.add(AssessmentFact.of(AssessmentRule.REPORT_ON_TIME, RecordType.MONTHLY_REPORT, 13L, "月报 13", D.plusDays(13), "按时"));
        AssessmentView.Breakdown b = scorer.score(unit(1, "A"), facts);
        assertThat(b.score()).isEqualByComparingTo("106");
        AssessmentView.Line last = b.lines().get(b.lines().size() - 1);
        assertThat(last.recordId()).isEqualTo(13L);
        assertThat(last.points()).isEqualByComparingTo("0");
        assertThat(last.detail()).contains("已达上限");
    }

    @Test
    void aCapCutsTheLineThatCrossesItToWhatIsLeft() {
        Map<AssessmentRule, Weight> w = new EnumMap<>(AssessmentRule.class);
        w.put(AssessmentRule.TASK_COMPLETED, Weight.of("3", "7"));
        AssessmentScorer s = new AssessmentScorer(new AssessmentRules(bd("100"), w, bd("0"), bd("0")));
        List<AssessmentFact> facts = List.of(
                AssessmentFact.of(AssessmentRule.TASK_COMPLETED, RecordType.TASK, 1L, "T1", D, "完成"),
                AssessmentFact.of(AssessmentRule.TASK_COMPLETED, RecordType.TASK, 2L, "T2", D.plusDays(1), "完成"),
                AssessmentFact.of(AssessmentRule.TASK_COMPLETED, RecordType.TASK, 3L, "T3", D.plusDays(2), "完成"));
        AssessmentView.Breakdown b = s.score(unit(1, "A"), facts);
        assertThat(b.lines().stream().skip(1).map(l -> l.points().toPlainString())).containsExactly("3.0", "3.0", "1.0");
        assertThat(b.score()).isEqualByComparingTo("107");
    }

    @Test
    void tenthsAddUpWithoutFloatingPointDrift() {
        List<AssessmentFact> facts = new ArrayList<>();
        // ten late reports of one day: 10 x (-1 - 0.2) = -12.0 exactly (as doubles 0.1-steps drift)
        for (long i = 1; i <= 10; i++) {
            facts.add(late(i, 1));
        }
        AssessmentView.Breakdown b = scorer.score(unit(1, "A"), facts);
        assertThat(b.score().toPlainString()).isEqualTo("88.0");
    }

    @Test
    void equalScoresShareARankAndTheNextRankSkipsWithTiesInUnitCodeOrder() {
        // B and A both lose 2 points (98), C loses none (100), D loses 5 (95): C 1, A 2, B 2, D 4
        Map<Long, List<AssessmentFact>> facts = Map.of(
                1L, List.of(fact(AssessmentRule.ITEM_OVERDUE, 1)),
                2L, List.of(fact(AssessmentRule.SUPERVISION_CASE, 2)),
                4L, List.of(fact(AssessmentRule.KEY_ITEM_OVERDUE, 4)));
        AssessmentScorer.Result r = scorer.rank(List.of(unit(2, "B"), unit(4, "D"), unit(1, "A"), unit(3, "C")), facts);
        assertThat(r.ranking().stream().map(row -> row.unit().code() + ":" + row.rank() + ":" + row.score().toPlainString()))
                .containsExactly("C:1:100.0", "A:2:98.0", "B:2:98.0", "D:4:95.0");
        assertThat(r.breakdowns().stream().map(AssessmentView.Breakdown::rank)).containsExactly(1, 2, 2, 4);
        assertThat(r.ranking().get(3).deduction()).isEqualByComparingTo("-5");
        assertThat(r.ranking().get(3).bonus()).isEqualByComparingTo("0");
    }

    @Test
    void threeWayTieAtTheTopThenRankFour() {
        AssessmentScorer.Result r = scorer.rank(List.of(unit(1, "A"), unit(2, "B"), unit(3, "C"), unit(4, "D")),
                Map.of(4L, List.of(fact(AssessmentRule.ITEM_RETURNED, 9))));
        assertThat(r.ranking().stream().map(AssessmentView.Row::rank)).containsExactly(1, 1, 1, 4);
    }

    @Test
    void aZeroWeightSwitchesARuleOff() {
        Map<AssessmentRule, Weight> w = new EnumMap<>(AssessmentRule.class);
        w.put(AssessmentRule.ITEM_RETURNED, Weight.of("0"));
        AssessmentScorer s = new AssessmentScorer(new AssessmentRules(bd("100"), w, bd("0"), bd("0")));
        assertThat(s.score(unit(1, "A"), List.of(fact(AssessmentRule.ITEM_RETURNED, 1))).lines()).hasSize(1);
    }

    @Test
    void figuresFinerThanTenthsAreAConfigurationError() {
        assertThatThrownBy(() -> Weight.of("0.25")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0.25");
        assertThatThrownBy(() -> Weight.of("1", "-2")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Weight.of("1.50").points().toPlainString()).isEqualTo("1.5");
    }

    @Test
    void theRulesDescribeThemselvesInChinese() {
        List<AssessmentView.RuleView> rules = scorer.describe();
        assertThat(rules).hasSize(AssessmentRule.values().length);
        assertThat(rules.get(0).points()).isEqualByComparingTo("100");
        assertThat(rules).filteredOn(r -> r.rule() == AssessmentRule.REPORT_LATE).singleElement()
                .satisfies(r -> assertThat(r.note()).contains("0.2").contains("3.0"));
        assertThat(rules).allSatisfy(r -> assertThat(r.label()).isNotBlank());
    }
}
