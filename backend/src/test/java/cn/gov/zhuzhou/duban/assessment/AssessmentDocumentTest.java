package cn.gov.zhuzhou.duban.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.zhuzhou.duban.common.document.DocumentSpec;
import cn.gov.zhuzhou.duban.unit.UnitRef;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ranking as a document: the ranking table, every line with its record, and the rules. */
class AssessmentDocumentTest {

    @Test
    void theDocumentCarriesTheRankingEveryLineAndTheRules() {
        AssessmentScorer scorer = new AssessmentScorer(AssessmentScorerTest.defaults());
        UnitRef a = new UnitRef(1L, "ZZ-A", "株洲市甲局", "ZZ");
        UnitRef b = new UnitRef(2L, "ZZ-B", "株洲市乙局", "ZZ");
        AssessmentScorer.Result r = scorer.rank(List.of(a, b), Map.of(2L, List.of(
                AssessmentFact.of(AssessmentRule.KEY_ITEM_OVERDUE, RecordType.TICKET_ITEM, 77L, "交办〔2032〕1号 事项 77", LocalDate.of(2032, 10, 31),
                        "交办〔2032〕1号 事项 77（重点事项） 期限 2032-10-31，截至 2032-12-31 未办结"))));
        AssessmentView view = new AssessmentView(2032, LocalDate.of(2032, 12, 31), true, r.ranking(), r.breakdowns(), scorer.describe());

        DocumentSpec doc = AssessmentDocument.of(view);

        assertThat(doc.title()).isEqualTo("2032年度考核排名");
        assertThat(doc.subtitle()).contains("2032-12-31").doesNotContain("预览");
        assertThat(doc.tables()).extracting(DocumentSpec.Table::name).containsExactly("考核排名", "得分明细", "考核细则");
        assertThat(doc.tables().get(0).rows()).containsExactly(
                List.of("1", "株洲市甲局", "100.0", "0.0", "0.0"),
                List.of("2", "株洲市乙局", "95.0", "0.0", "-5.0"));
        assertThat(doc.tables().get(1).rows()).contains(
                List.of("株洲市乙局", "重点交办事项逾期未办结", "-5.0", "交办事项", "77", "交办〔2032〕1号 事项 77", "2032-10-31",
                        "交办〔2032〕1号 事项 77（重点事项） 期限 2032-10-31，截至 2032-12-31 未办结"));
        assertThat(doc.tables().get(2).rows()).hasSize(AssessmentRule.values().length)
                .anySatisfy(row -> assertThat(row).containsExactly("月报按时报送", "0.5", "6.0", ""));
    }

    @Test
    void theViewReadsBackFromItsJsonUnchangedSoAPublishedRankingCanBeFrozen() throws Exception {
        AssessmentScorer scorer = new AssessmentScorer(AssessmentScorerTest.defaults());
        UnitRef a = new UnitRef(1L, "ZZ-A", "株洲市甲局", "ZZ");
        AssessmentScorer.Result r = scorer.rank(List.of(a), Map.of(1L, List.of(new AssessmentFact(AssessmentRule.REPORT_LATE,
                RecordType.MONTHLY_REPORT, 9L, "2032-02 月报", LocalDate.of(2032, 3, 8), 3, "逾期 3 天"))));
        AssessmentView view = new AssessmentView(2032, LocalDate.of(2032, 12, 31), true, r.ranking(), r.breakdowns(), scorer.describe());
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules()
                .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        assertThat(json.readValue(json.writeValueAsString(view), AssessmentView.class)).isEqualTo(view);
        assertThat(json.readValue(json.writeValueAsString(view.onlyBreakdownOf(1L)), AssessmentView.class).breakdowns()).hasSize(1);
    }

    @Test
    void theRankingDownloadsAsPdfAndCsvWithUnitNamesAndScores() throws Exception {
        String font = System.getenv().getOrDefault("DUBAN_DOCUMENTS_FONT_PATH", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
        int index = Integer.parseInt(System.getenv().getOrDefault("DUBAN_DOCUMENTS_FONT_INDEX", "0"));
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isReadable(java.nio.file.Path.of(font)), "CJK font installed");
        var renderer = new cn.gov.zhuzhou.duban.common.document.DocumentRenderer(java.nio.file.Path.of(font), index);
        AssessmentScorer scorer = new AssessmentScorer(AssessmentScorerTest.defaults());
        AssessmentScorer.Result r = scorer.rank(List.of(new UnitRef(1L, "ZZ-A", "株洲市甲局", "ZZ"), new UnitRef(2L, "ZZ-B", "株洲市乙局", "ZZ")),
                Map.of(2L, List.of(AssessmentFact.of(AssessmentRule.ITEM_OVERDUE, RecordType.TICKET_ITEM, 77L, "交办〔2032〕1号 事项 77",
                        LocalDate.of(2032, 10, 31), "逾期未办结"))));
        DocumentSpec doc = AssessmentDocument.of(new AssessmentView(2032, LocalDate.of(2032, 12, 31), true, r.ranking(), r.breakdowns(),
                scorer.describe()));

        byte[] pdf = renderer.render(doc, cn.gov.zhuzhou.duban.common.document.DocumentFormat.PDF);
        try (var pd = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pd).replaceAll("\\s+", "");
            assertThat(text).contains("2032年度考核排名", "株洲市甲局", "株洲市乙局", "100.0", "98.0", "交办〔2032〕1号", "一般交办事项逾期未办结");
        }
        String csv = new String(renderer.render(doc, cn.gov.zhuzhou.duban.common.document.DocumentFormat.CSV), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF").contains("2,株洲市乙局,98.0,0.0,-2.0");
    }

    @Test
    void aYearStillRunningIsMarkedAsAPreview() {
        AssessmentView view = new AssessmentView(2032, LocalDate.of(2032, 7, 1), false, List.of(), List.of(), List.of());
        assertThat(AssessmentDocument.of(view).subtitle()).contains("预览").contains("2032-07-01");
    }
}
