package cn.gov.zhuzhou.duban.assessment;

import cn.gov.zhuzhou.duban.unit.UnitRef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Scores and ranks units by the assessment rules (考核细则, issue 10): each unit starts from the base score and every fact
 * adds its rule's points, capped per rule and year; the lines of a unit add up to its score exactly (tenths, no floating
 * point). Ranking is competition ranking: equal scores share a rank and the next rank skips (1, 1, 3); ties are listed
 * in unit code order. Pure: no database, no clock.
 */
public final class AssessmentScorer {

    private static final Comparator<AssessmentFact> FACT_ORDER = Comparator.comparing(AssessmentFact::rule)
            .thenComparing(AssessmentFact::date)
            .thenComparing(f -> f.recordId() == null ? Long.MIN_VALUE : f.recordId())
            .thenComparing(f -> f.reference() == null ? "" : f.reference());

    private final AssessmentRules rules;

    public AssessmentScorer(AssessmentRules rules) {
        this.rules = rules;
    }

    /** The ranking and each unit's breakdown, best first. A unit without facts keeps the base score. */
    public Result rank(List<UnitRef> units, Map<Long, List<AssessmentFact>> factsByUnit) {
        List<AssessmentView.Breakdown> scored = units.stream()
                .map(u -> score(u, factsByUnit.getOrDefault(u.id(), List.of())))
                .sorted(Comparator.comparing(AssessmentView.Breakdown::score).reversed()
                        .thenComparing(b -> b.unit().code())
                        .thenComparing(b -> b.unit().id()))
                .toList();
        List<AssessmentView.Breakdown> ranked = new ArrayList<>(scored.size());
        List<AssessmentView.Row> rows = new ArrayList<>(scored.size());
        for (int i = 0; i < scored.size(); i++) {
            AssessmentView.Breakdown b = scored.get(i);
            int rank = i > 0 && scored.get(i - 1).score().compareTo(b.score()) == 0 ? ranked.get(i - 1).rank() : i + 1;
            AssessmentView.Breakdown withRank = new AssessmentView.Breakdown(b.unit(), rank, b.score(), b.lines());
            ranked.add(withRank);
            rows.add(new AssessmentView.Row(rank, b.unit(), b.score(), sum(b.lines(), 1), sum(b.lines(), -1)));
        }
        return new Result(rows, ranked);
    }

    /** The ranking table and the breakdowns, in the same order. */
    public record Result(List<AssessmentView.Row> ranking, List<AssessmentView.Breakdown> breakdowns) {
    }

    /** One unit's lines and score (rank 0 until ranked). */
    AssessmentView.Breakdown score(UnitRef unit, List<AssessmentFact> facts) {
        List<AssessmentView.Line> lines = new ArrayList<>();
        lines.add(new AssessmentView.Line(AssessmentRule.BASE, AssessmentRule.BASE.label(), rules.baseScore(), null, null, null, null,
                "基础分 " + rules.baseScore().toPlainString() + " 分"));
        Map<AssessmentRule, BigDecimal> used = new EnumMap<>(AssessmentRule.class);
        for (AssessmentFact f : facts.stream().sorted(FACT_ORDER).toList()) {
            AssessmentRules.Weight w = rules.weight(f.rule());
            BigDecimal points = pointsOf(f, w);
            if (points.signum() == 0 && w.points().signum() == 0) {
                continue; // a rule switched off by configuration
            }
            String detail = f.detail();
            if (w.cap().signum() > 0 && points.signum() > 0) {
                BigDecimal left = w.cap().subtract(used.getOrDefault(f.rule(), BigDecimal.ZERO).abs()).max(BigDecimal.ZERO);
                if (points.compareTo(left) > 0) {
                    points = left;
                    detail = detail + "（本项全年最多 " + w.cap().toPlainString() + " 分，已达上限，计 " + points.toPlainString() + " 分）";
                }
                used.merge(f.rule(), points, BigDecimal::add);
            }
            lines.add(new AssessmentView.Line(f.rule(), f.rule().label(), points.setScale(1), f.recordType(), f.recordId(), f.reference(),
                    f.date(), detail));
        }
        BigDecimal score = lines.stream().map(AssessmentView.Line::points).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(1);
        return new AssessmentView.Breakdown(unit, 0, score, List.copyOf(lines));
    }

    /** A fact's points before the yearly cap: a late report costs its points plus so much per day, up to its own cap. */
    BigDecimal pointsOf(AssessmentFact f, AssessmentRules.Weight w) {
        if (f.rule() != AssessmentRule.REPORT_LATE) {
            return w.points();
        }
        BigDecimal p = w.points().add(rules.latePerDayPoints().multiply(BigDecimal.valueOf(f.daysLate())));
        BigDecimal max = rules.lateMaxPerReport();
        return max.signum() > 0 && p.abs().compareTo(max) > 0 ? max.multiply(BigDecimal.valueOf(p.signum())) : p;
    }

    /** The rules as the view shows them. */
    public List<AssessmentView.RuleView> describe() {
        List<AssessmentView.RuleView> out = new ArrayList<>();
        out.add(new AssessmentView.RuleView(AssessmentRule.BASE, AssessmentRule.BASE.label(), rules.baseScore(), BigDecimal.ZERO.setScale(1),
                "每个被考核单位的起始分"));
        for (AssessmentRule r : AssessmentRule.values()) {
            if (r == AssessmentRule.BASE) {
                continue;
            }
            AssessmentRules.Weight w = rules.weight(r);
            String note = r == AssessmentRule.REPORT_LATE
                    ? "每逾期 1 天另计 " + rules.latePerDayPoints().toPlainString() + " 分，每份最多扣 " + rules.lateMaxPerReport().toPlainString() + " 分"
                    : null;
            out.add(new AssessmentView.RuleView(r, r.label(), w.points(), w.cap(), note));
        }
        return out;
    }

    private static BigDecimal sum(List<AssessmentView.Line> lines, int sign) {
        return lines.stream().filter(l -> l.rule() != AssessmentRule.BASE && l.points().signum() == sign)
                .map(AssessmentView.Line::points).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(1);
    }
}
