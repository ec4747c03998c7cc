package cn.gov.zhuzhou.duban.assessment;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One record that counts in a unit's annual score: which rule, the record behind it (type, id, a readable reference such
 * as the report's month or the ticket number), the day it happened, how many days late (late reports only) and a
 * Chinese detail that a unit can check against its own records.
 */
public record AssessmentFact(AssessmentRule rule, RecordType recordType, Long recordId, String reference, LocalDate date,
        int daysLate, String detail) {

    public AssessmentFact {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(date, "date");
        if (rule == AssessmentRule.BASE) {
            throw new IllegalArgumentException("the base score is not a fact");
        }
        if (daysLate < 0) {
            throw new IllegalArgumentException("daysLate < 0");
        }
    }

    public static AssessmentFact of(AssessmentRule rule, RecordType type, Long id, String reference, LocalDate date, String detail) {
        return new AssessmentFact(rule, type, id, reference, date, 0, detail);
    }
}
