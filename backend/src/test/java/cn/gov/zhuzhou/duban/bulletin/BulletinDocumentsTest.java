package cn.gov.zhuzhou.duban.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.zhuzhou.duban.bulletin.BulletinFigures.ItemCounts;
import cn.gov.zhuzhou.duban.bulletin.BulletinFigures.NamedUnit;
import cn.gov.zhuzhou.duban.bulletin.BulletinFigures.ReportCounts;
import cn.gov.zhuzhou.duban.bulletin.BulletinFigures.UnitLine;
import cn.gov.zhuzhou.duban.common.document.DocumentSpec;
import cn.gov.zhuzhou.duban.plan.ProgressLight;
import cn.gov.zhuzhou.duban.plan.TaskStanding;
import cn.gov.zhuzhou.duban.plan.TaskStatus;
import cn.gov.zhuzhou.duban.publication.PublicationContent.PublicationHeader;
import cn.gov.zhuzhou.duban.publication.PublicationKind;
import cn.gov.zhuzhou.duban.publication.PublicationStatus;
import cn.gov.zhuzhou.duban.unit.UnitRef;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A bulletin as a document: numbered Chinese sections in the published order, the tables, the named units, the prose. */
class BulletinDocumentsTest {

    private static final UnitRef A = new UnitRef(1L, "U-A", "甲局", "ZZ");
    private static final UnitRef B = new UnitRef(2L, "U-B", "乙局", "ZZ");

    @Test
    void aBulletinReadsInThePublishedOrderWithItsTablesAndNamedUnits() {
        var line = BulletinMath.taskLine(new TaskStanding(11, 1, "T1", "任务一", 5L, "交通共建", null, true, null, List.of(1L),
                TaskStatus.IN_PROGRESS, 30, new ProgressLight(ProgressLight.Color.GREEN, 24, 30, 275L, "按序时进度推进")), null, 10);
        var units = List.of(new UnitLine(A, new ReportCounts(1, 1, 0, 0), ItemCounts.NONE, 0),
                new UnitLine(B, new ReportCounts(1, 0, 0, 1), new ItemCounts(0, 0, 0, 0, 1, 1, 0), 1));
        var header = new PublicationHeader(7, PublicationKind.MONTHLY_BULLETIN, "2031-03", LocalDate.of(2031, 3, 31), PublicationStatus.DRAFT,
                "3月总体平稳。", null, "滞后单位限期整改。", null, null, null);
        DocumentSpec doc = BulletinDocuments.bulletin(header, "通报测试方案", BulletinMath.taskFigures(List.of(line)), List.of(line), units, List.of(),
                List.of(new NamedUnit(B, List.of("缺报月报1次"))), List.of(A), null);
        assertThat(doc.title()).isEqualTo("通报测试方案通报");
        assertThat(doc.subtitle()).contains("2031-03").contains("2031-03-31").contains("草稿");
        assertThat(doc.blocks()).filteredOn(DocumentSpec.Heading.class::isInstance).map(b -> ((DocumentSpec.Heading) b).text())
                .containsExactly("一、总体情况", "二、任务进展", "三、月报报送和交办事项办理情况", "四、通报", "五、下一步工作要求");
        assertThat(doc.tables()).extracting(DocumentSpec.Table::name).containsExactly("总体情况", "任务进展", "单位情况");
        assertThat(doc.tables().get(2).rows()).extracting(r -> r.get(0)).containsExactly("甲局", "乙局");
        assertThat(doc.tables().get(2).rows().get(1)).startsWith("乙局", "1", "0", "0", "1");
        assertThat(doc.blocks()).filteredOn(DocumentSpec.Paragraph.class::isInstance).map(b -> ((DocumentSpec.Paragraph) b).text())
                .containsExactly("3月总体平稳。", "表扬：甲局（月报全部按时报送，无逾期交办事项）。", "通报：乙局，缺报月报1次。", "滞后单位限期整改。");
    }
}
