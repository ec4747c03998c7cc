package cn.gov.zhuzhou.duban.assessment;

import cn.gov.zhuzhou.duban.common.document.DocumentSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The annual ranking as a document: the ranking table, each unit's lines, and the rules (what PDF, XLSX and CSV carry). */
public final class AssessmentDocument {

    private AssessmentDocument() {
    }

    public static DocumentSpec of(AssessmentView view) {
        List<DocumentSpec.Block> blocks = new ArrayList<>();
        blocks.add(new DocumentSpec.Paragraph("按" + view.year() + "年度考核细则，各单位以基础分为起点，依月报报送、交办事项办结、退回、逾期、"
                + "督查督办立案及任务和节点完成情况加减分。得分相同者名次相同，其后名次顺延（如 1、1、3）。"));
        blocks.add(new DocumentSpec.Heading("考核排名"));
        blocks.add(new DocumentSpec.Table("考核排名", List.of("名次", "单位", "得分", "加分", "扣分"),
                view.ranking().stream().map(r -> List.of(String.valueOf(r.rank()), r.unit().name(), num(r.score()), num(r.bonus()),
                        num(r.deduction()))).toList()));
        blocks.add(new DocumentSpec.Heading("得分明细"));
        List<List<String>> lines = new ArrayList<>();
        for (AssessmentView.Breakdown b : view.breakdowns()) {
            for (AssessmentView.Line l : b.lines()) {
                lines.add(List.of(b.unit().name(), l.ruleLabel(), num(l.points()), l.recordType() == null ? "" : l.recordType().label(),
                        l.recordId() == null ? "" : String.valueOf(l.recordId()), l.reference() == null ? "" : l.reference(),
                        l.date() == null ? "" : l.date().toString(), l.detail() == null ? "" : l.detail()));
            }
        }
        blocks.add(new DocumentSpec.Table("得分明细", List.of("单位", "考核项", "分值", "记录类型", "记录编号", "记录", "日期", "说明"), lines));
        blocks.add(new DocumentSpec.Heading("考核细则"));
        blocks.add(new DocumentSpec.Table("考核细则", List.of("考核项", "分值", "年度上限", "说明"),
                view.rules().stream().map(r -> List.of(r.label(), num(r.points()), r.cap().signum() == 0 ? "不封顶" : num(r.cap()),
                        r.note() == null ? "" : r.note())).toList()));
        String subtitle = view.yearOver() ? "数据截至 " + view.asOf() : "年度尚未结束，数据截至 " + view.asOf() + "（预览）";
        return new DocumentSpec(view.year() + "年度考核排名", subtitle, blocks);
    }

    private static String num(BigDecimal v) {
        return v.toPlainString();
    }
}
