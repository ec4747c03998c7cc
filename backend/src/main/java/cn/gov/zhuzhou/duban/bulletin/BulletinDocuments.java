package cn.gov.zhuzhou.duban.bulletin;

import cn.gov.zhuzhou.duban.bulletin.BulletinFigures.CaseLine;
import cn.gov.zhuzhou.duban.bulletin.BulletinFigures.MonthlyBrief;
import cn.gov.zhuzhou.duban.bulletin.BulletinFigures.NamedUnit;
import cn.gov.zhuzhou.duban.bulletin.BulletinFigures.PeriodSummary;
import cn.gov.zhuzhou.duban.bulletin.BulletinFigures.TaskFigures;
import cn.gov.zhuzhou.duban.bulletin.BulletinFigures.TaskLine;
import cn.gov.zhuzhou.duban.bulletin.BulletinFigures.UnitLine;
import cn.gov.zhuzhou.duban.common.document.DocumentSpec;
import cn.gov.zhuzhou.duban.common.document.DocumentSpec.Block;
import cn.gov.zhuzhou.duban.common.document.DocumentSpec.Heading;
import cn.gov.zhuzhou.duban.common.document.DocumentSpec.Paragraph;
import cn.gov.zhuzhou.duban.common.document.DocumentSpec.Table;
import cn.gov.zhuzhou.duban.publication.PublicationContent.PublicationHeader;
import cn.gov.zhuzhou.duban.publication.PublicationStatus;
import cn.gov.zhuzhou.duban.unit.UnitRef;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How bulletins, briefs and summaries read as documents (Chinese headings in the order published bulletins use:
 * overall figures, progress, reports and items per unit, named units, next steps), format-free.
 */
final class BulletinDocuments {

    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    private BulletinDocuments() {
    }

    static DocumentSpec bulletin(PublicationHeader h, String planTitle, TaskFigures tasks, List<TaskLine> lines, List<UnitLine> units,
            List<CaseLine> cases, List<NamedUnit> named, List<UnitRef> commended, PeriodSummary summary) {
        Sections s = new Sections();
        s.section("总体情况");
        s.text(h.opening());
        s.add(categoryTable(tasks));
        s.section("任务进展");
        s.add(new Table("任务进展", List.of("编号", "任务", "专项", "状态", "进度(%)", "序时进度(%)", "灯色", "最新月报"), lines.stream()
                .map(l -> List.of(l.code(), l.title(), nz(l.areaName()), l.status().name(), String.valueOf(l.progressPercent()),
                        l.light().expectedPercent() == null ? "" : String.valueOf(l.light().expectedPercent()), l.light().color().name(),
                        l.latestReport() == null ? "" : l.latestReport().month() + " " + l.latestReport().workDone())).toList()));
        if (!units.isEmpty()) {
            s.section("月报报送和交办事项办理情况");
            s.add(new Table("单位情况", List.of("单位", "应报", "按时", "迟报", "缺报", "交办", "签收", "按期办结", "逾期办结", "逾期未办结", "其中重点",
                    "退回", "在办督办案件"), units.stream().map(u -> List.of(u.unit().name(), n(u.reports().expected()), n(u.reports().onTime()),
                    n(u.reports().late()), n(u.reports().missing()), n(u.items().issued()), n(u.items().acknowledged()),
                    n(u.items().closedOnTime()), n(u.items().closedLate()), n(u.items().overdue()), n(u.items().overdueKey()),
                    n(u.items().returned()), n(u.openCases()))).toList()));
        }
        if (!cases.isEmpty()) {
            s.add(new Table("在办督办案件", List.of("案件", "交办事项", "单位", "立案原因", "立案日期"), cases.stream()
                    .map(c -> List.of(n(c.caseId()), n(c.itemId()), nz(c.unitName()), c.reason(), c.openedOn().toString())).toList()));
        }
        if (summary != null && summary.previous() != null) {
            s.section("与上期比较（上期 " + summary.previous().period() + "）");
            s.add(new Table("与上期比较", List.of("指标", "本期", "上期", "增减"), summary.change().stream()
                    .map(d -> List.of(d.label(), n(d.current()), n(d.previous()), (d.change() > 0 ? "+" : "") + d.change())).toList()));
        }
        if (summary != null && summary.round() != null) {
            s.section("季度督查");
            s.add(new Table("季度督查", List.of("单位", "逾期交办事项", "迟报缺报月份"), summary.round().lateUnits().stream()
                    .map(u -> List.of(u.unit().name(), n(u.overdueItems()), String.join("、", u.lateReportMonths()))).toList()));
        }
        if (!named.isEmpty() || !commended.isEmpty()) {
            s.section("通报");
            if (!commended.isEmpty()) {
                s.text("表扬：" + commended.stream().map(UnitRef::name).collect(Collectors.joining("、")) + "（月报全部按时报送，无逾期交办事项）。");
            }
            named.forEach(u -> s.text("通报：" + u.unit().name() + "，" + String.join("，", u.reasons()) + "。"));
        }
        s.prose("工作亮点", h.highlights());
        s.prose("下一步工作要求", h.nextSteps());
        return new DocumentSpec(title(planTitle, h), subtitle(h), s.blocks);
    }

    static DocumentSpec brief(PublicationHeader h, MonthlyBrief b) {
        Sections s = new Sections();
        s.section("总体情况");
        s.text(h.opening());
        s.add(categoryTable(b.tasks()));
        s.section("分专项灯色");
        s.add(new Table("分专项灯色", List.of("专项", "绿", "黄", "红", "完成", "未设期限"), b.lightsByArea().stream()
                .map(a -> {
                    List<String> row = new ArrayList<>(List.of(a.areaName()));
                    a.byLight().forEach(l -> row.add(n(l.count())));
                    return (List<String>) row;
                }).toList()));
        if (!b.named().isEmpty()) {
            s.section("通报单位");
            b.named().forEach(u -> s.text(u.unit().name() + "：" + String.join("，", u.reasons())));
        }
        if (!b.needsLeader().isEmpty()) {
            s.section("需领导协调事项");
            s.add(new Table("需领导协调事项", List.of("交办单", "事项", "牵头单位", "办理时限", "逾期天数"), b.needsLeader().stream()
                    .map(i -> List.of(nz(i.ticketNumber()), n(i.itemId()), i.unit() == null ? "" : i.unit().name(), i.deadline().toString(),
                            n(i.daysOverdue()))).toList()));
        }
        s.prose("工作亮点", h.highlights());
        s.prose("下一步工作要求", h.nextSteps());
        return new DocumentSpec(title(b.planTitle(), h), subtitle(h), s.blocks);
    }

    private static Table categoryTable(TaskFigures t) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("任务总数", n(t.tasks()), ""));
        rows.add(List.of("工作事项", n(t.workItems()), "100"));
        t.byCategory().forEach(c -> rows.add(List.of(c.label(), n(c.count()), String.valueOf(c.percent()))));
        return new Table("总体情况", List.of("类别", "数量", "占比(%)"), rows);
    }

    private static String title(String planTitle, PublicationHeader h) {
        return planTitle + h.kind().displayName();
    }

    private static String subtitle(PublicationHeader h) {
        String s = h.period() + "，数据截至 " + h.asOf();
        if (h.status() == PublicationStatus.DRAFT) {
            s += "（草稿）";
        }
        if (h.corrects() != null) {
            s += "（更正稿，更正原因：" + h.correctionReason() + "）";
        }
        return s;
    }

    private static String n(long v) {
        return String.valueOf(v);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Numbered sections (一、二、…) and their blocks. */
    private static final class Sections {
        final List<Block> blocks = new ArrayList<>();
        int count;

        void section(String title) {
            blocks.add(new Heading((count < NUMERALS.length ? NUMERALS[count] : String.valueOf(count + 1)) + "、" + title));
            count++;
        }

        void text(String text) {
            if (text != null && !text.isBlank()) {
                blocks.add(new Paragraph(text));
            }
        }

        void prose(String title, String text) {
            if (text != null && !text.isBlank()) {
                section(title);
                text(text);
            }
        }

        void add(Block b) {
            blocks.add(b);
        }
    }
}
