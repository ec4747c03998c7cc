package cn.gov.zhuzhou.duban.assessment;

import cn.gov.zhuzhou.duban.common.config.DubanConfig;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The office's assessment rules (考核细则) as numbers: the base score, each rule's signed points and yearly cap (0: none),
 * and how a late report's deduction grows per day up to its own cap. Every figure is in whole tenths, so scores add up
 * exactly (no floating point).
 */
public record AssessmentRules(BigDecimal baseScore, Map<AssessmentRule, Weight> weights, BigDecimal latePerDayPoints,
        BigDecimal lateMaxPerReport) {

    /** A rule's points per record (signed: a deduction is negative) and the most it can add per unit and year (0: no cap). */
    public record Weight(BigDecimal points, BigDecimal cap) {

        public Weight {
            points = tenths(points, "points");
            cap = tenths(cap, "cap");
            if (cap.signum() < 0) {
                throw new IllegalArgumentException("a cap is a magnitude, not negative: " + cap);
            }
        }

        public static Weight of(String points) {
            return new Weight(new BigDecimal(points), BigDecimal.ZERO);
        }

        public static Weight of(String points, String cap) {
            return new Weight(new BigDecimal(points), new BigDecimal(cap));
        }
    }

    /** The weight of a rule not configured: nothing (one instance: a weight is looked up for every fact). */
    private static final Weight NONE = new Weight(BigDecimal.ZERO, BigDecimal.ZERO);

    public AssessmentRules {
        baseScore = tenths(baseScore, "baseScore");
        latePerDayPoints = tenths(latePerDayPoints, "latePerDayPoints");
        lateMaxPerReport = tenths(lateMaxPerReport, "lateMaxPerReport").abs();
        EnumMap<AssessmentRule, Weight> copy = new EnumMap<>(AssessmentRule.class);
        copy.putAll(weights);
        copy.remove(AssessmentRule.BASE);
        weights = Collections.unmodifiableMap(copy);
    }

    /** The rules as configured (DUBAN_ASSESSMENT_*). */
    public static AssessmentRules of(DubanConfig.Assessment c) {
        Map<AssessmentRule, Weight> w = new EnumMap<>(AssessmentRule.class);
        w.put(AssessmentRule.REPORT_ON_TIME, new Weight(c.reportOnTimePoints(), c.reportOnTimeCap()));
        w.put(AssessmentRule.REPORT_LATE, new Weight(c.reportLatePoints(), BigDecimal.ZERO));
        w.put(AssessmentRule.REPORT_MISSING, new Weight(c.reportMissingPoints(), BigDecimal.ZERO));
        w.put(AssessmentRule.ITEM_CLOSED_ON_TIME, new Weight(c.itemClosedOnTimePoints(), c.itemClosedOnTimeCap()));
        w.put(AssessmentRule.ITEM_CLOSED_LATE, new Weight(c.itemClosedLatePoints(), BigDecimal.ZERO));
        w.put(AssessmentRule.ITEM_RETURNED, new Weight(c.itemReturnedPoints(), BigDecimal.ZERO));
        w.put(AssessmentRule.KEY_ITEM_OVERDUE, new Weight(c.keyItemOverduePoints(), BigDecimal.ZERO));
        w.put(AssessmentRule.ITEM_OVERDUE, new Weight(c.itemOverduePoints(), BigDecimal.ZERO));
        w.put(AssessmentRule.SUPERVISION_CASE, new Weight(c.supervisionCasePoints(), BigDecimal.ZERO));
        w.put(AssessmentRule.TASK_COMPLETED, new Weight(c.taskCompletedPoints(), c.taskCompletedCap()));
        w.put(AssessmentRule.MILESTONE_ON_TIME, new Weight(c.milestoneOnTimePoints(), c.milestoneOnTimeCap()));
        w.put(AssessmentRule.MILESTONE_MISSED, new Weight(c.milestoneMissedPoints(), BigDecimal.ZERO));
        return new AssessmentRules(c.baseScore(), w, c.reportLatePerDayPoints(), c.reportLateMaxPerReport());
    }

    /** A rule's weight; a rule not configured counts for nothing. */
    public Weight weight(AssessmentRule rule) {
        Weight w = weights.get(rule);
        return w != null ? w : NONE;
    }

    /** A figure of the rules, kept in tenths; more precision is a configuration error (sums must stay exact). */
    static BigDecimal tenths(BigDecimal value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (value.stripTrailingZeros().scale() > 1) {
            throw new IllegalArgumentException(what + " has more than one decimal: " + value.toPlainString());
        }
        return value.setScale(1);
    }
}
