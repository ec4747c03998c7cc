package cn.gov.zhuzhou.duban.assessment;

import cn.gov.zhuzhou.duban.publication.PublicationKind;
import cn.gov.zhuzhou.duban.unit.UnitRef;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A year's assessment ranking (年度考核排名) as it stood on {@code asOf}: the ranking table, each unit's score made up
 * line by line (every line names the record behind it), and the rules it was scored by.
 */
@Schema(name = "AssessmentView", requiredProperties = {"kind", "year", "asOf", "yearOver", "ranking", "breakdowns", "rules"},
        description = "The annual assessment ranking of a year, with each unit's score made up line by line.")
public record AssessmentView(
        @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, implementation = String.class,
                enumeration = "ANNUAL_ASSESSMENT", example = "ANNUAL_ASSESSMENT",
                description = "Always ANNUAL_ASSESSMENT: names the figures among a publication's kinds.") PublicationKind kind,
        @Schema(example = "2026", description = "The assessed year.") int year,
        @Schema(example = "2026-12-31", description = "The day the records were read as they stood: the year's last day, or today while the year runs.") LocalDate asOf,
        @Schema(example = "true", description = "True once the year is over (the figures no longer change with time).") boolean yearOver,
        @Schema(description = "Every assessed unit, best first; equal scores share a rank and the next rank skips (1, 1, 3); ties in unit code order.") List<Row> ranking,
        @Schema(description = "Each unit's score line by line (a liaison: only its own unit's).") List<Breakdown> breakdowns,
        @Schema(description = "The rules the scores were made by (考核细则).") List<RuleView> rules) {

    @Schema(name = "AssessmentRankingRow", requiredProperties = {"rank", "unit", "score", "bonus", "deduction"}, description = "One unit's place in the ranking.")
    public record Row(
            @Schema(example = "1", description = "Competition rank: 1 + the number of units with a higher score.") int rank,
            UnitRef unit,
            @Schema(example = "103.5", description = "Base score plus every line.") BigDecimal score,
            @Schema(example = "6.5", description = "Sum of the positive lines.") BigDecimal bonus,
            @Schema(example = "-3.0", description = "Sum of the negative lines.") BigDecimal deduction) {
    }

    @Schema(name = "AssessmentBreakdown", requiredProperties = {"unit", "rank", "score", "lines"}, description = "How one unit's score was made up: its lines add up to its score exactly.")
    public record Breakdown(
            UnitRef unit,
            @Schema(example = "1") int rank,
            @Schema(example = "103.5") BigDecimal score,
            List<Line> lines) {
    }

    @Schema(name = "AssessmentLine", requiredProperties = {"rule", "ruleLabel", "points", "detail"}, description = "One line of a unit's score: a rule, its points and the record behind it.")
    public record Line(
            @Schema(example = "REPORT_LATE") AssessmentRule rule,
            @Schema(example = "月报逾期报送") String ruleLabel,
            @Schema(example = "-1.4", description = "Signed points, in tenths.") BigDecimal points,
            @Schema(example = "MONTHLY_REPORT", description = "The kind of record behind the line (none for the base score).") RecordType recordType,
            @Schema(example = "42", description = "The record's id (a report, an item, a case, a task, a milestone); none for the base score and a report never submitted.") Long recordId,
            @Schema(example = "2026-03 月报", description = "A readable reference to the record: the report's month, the ticket number, the task code.") String reference,
            @Schema(example = "2026-04-07", description = "The day it happened (submitted, verified, returned, opened, due).") LocalDate date,
            @Schema(example = "2026-03 月报应于 2026-04-05 前报送，2026-04-07 报送，逾期 2 天", description = "What happened, in Chinese, with the dates a unit can check.") String detail) {
    }

    @Schema(name = "AssessmentRuleView", requiredProperties = {"rule", "label", "points", "cap"}, description = "One rule of the assessment as configured.")
    public record RuleView(
            @Schema(example = "REPORT_LATE") AssessmentRule rule,
            @Schema(example = "月报逾期报送") String label,
            @Schema(example = "-1.0", description = "Points per record (the base score for BASE).") BigDecimal points,
            @Schema(example = "0.0", description = "Most the rule adds per unit and year; 0: no cap.") BigDecimal cap,
            @Schema(example = "每逾期 1 天另扣 0.2 分，每份最多扣 3.0 分", description = "How the points are worked out, when more than per record.") String note) {
    }

    /** A year's ranking (the kind is always the annual assessment). */
    public AssessmentView(int year, LocalDate asOf, boolean yearOver, List<Row> ranking, List<Breakdown> breakdowns, List<RuleView> rules) {
        this(PublicationKind.ANNUAL_ASSESSMENT, year, asOf, yearOver, ranking, breakdowns, rules);
    }

    /** The same ranking with these breakdowns (none: the frame a kept assessment cuts one unit's answer from). */
    public AssessmentView withBreakdowns(List<Breakdown> only) {
        return new AssessmentView(year, asOf, yearOver, ranking, only, rules);
    }

    /** The same view for a liaison: the whole ranking, only its own unit's breakdown. */
    public AssessmentView onlyBreakdownOf(long unitId) {
        return withBreakdowns(breakdowns.stream().filter(b -> b.unit().id() != null && b.unit().id() == unitId).toList());
    }
}
