package cn.gov.zhuzhou.duban.assessment;

import cn.gov.zhuzhou.duban.common.config.DubanConfig;
import cn.gov.zhuzhou.duban.common.document.DocumentSpec;
import cn.gov.zhuzhou.duban.common.error.InvalidRequestException;
import cn.gov.zhuzhou.duban.unit.City;
import cn.gov.zhuzhou.duban.unit.Unit;
import cn.gov.zhuzhou.duban.unit.UnitRef;
import cn.gov.zhuzhou.duban.unit.UnitService;
import jakarta.enterprise.context.ApplicationScoped;
import cn.gov.zhuzhou.duban.common.persistence.ReadOnlyTransaction;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The annual assessment (年度考核, issue 10): each assessed unit's score from the year's records by the office's rules,
 * and the ranking. Computed live as the records stood at the end of the year (or today while it runs); publishing
 * freezes a computed view through the shared publication lifecycle.
 */
@ApplicationScoped
public class AssessmentService {

    /** The first year an assessment can be asked for: the action plan was issued on 2019-03-20. */
    static final int FIRST_YEAR = 2019;

    private final AssessmentFacts facts;
    private final UnitService units;
    private final DubanConfig config;
    private final Clock clock;

    AssessmentService(AssessmentFacts facts, UnitService units, DubanConfig config, Clock clock) {
        this.facts = facts;
        this.units = units;
        this.config = config;
        this.clock = clock;
    }

    /**
     * The whole assessment of {@code year} (every unit's breakdown), as it stood at the end of the year or today if the
     * year is not over. For publication and other internal callers; the HTTP preview scopes it with {@link #preview}.
     */
    @ReadOnlyTransaction
    public AssessmentView assess(int year) {
        LocalDate today = LocalDate.now(clock);
        checkYear(year, today);
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        boolean over = today.isAfter(yearEnd);
        LocalDate asOf = over ? yearEnd : today;
        AssessmentFacts.Collected collected = facts.collect(year, asOf);
        List<UnitRef> assessed = new ArrayList<>();
        if (!collected.unitIds().isEmpty()) {
            for (Unit u : units.requireUnits(collected.unitIds(), "unitId")) {
                if (City.ZHUZHOU.equals(u.getCity().getCode())) { // Zhuzhou's own performance assessment
                    assessed.add(UnitRef.of(u));
                }
            }
        }
        AssessmentScorer scorer = new AssessmentScorer(AssessmentRules.of(config.assessment()));
        AssessmentScorer.Result result = scorer.rank(assessed, collected.byUnit());
        return new AssessmentView(year, asOf, over, result.ranking(), result.breakdowns(), scorer.describe());
    }

    /**
     * The year a preview asks for, checked before any work (a resource checks it before it waits for a heavy turn, so a
     * mistyped year is a 400 at once, not a 503 when the turns are busy).
     */
    public int checkedYear(String year) {
        if (year == null || !year.matches("\\d{4}")) {
            throw new InvalidRequestException("year", "年份须为四位数字，例如 2026");
        }
        int y = Integer.parseInt(year);
        checkYear(y, LocalDate.now(clock));
        return y;
    }

    /** The ranking as a document (PDF, XLSX, CSV) once it is published. */
    public DocumentSpec toDocument(AssessmentView view) {
        return AssessmentDocument.of(view);
    }

    private static void checkYear(int year, LocalDate today) {
        if (year < FIRST_YEAR || year > today.getYear()) {
            throw new InvalidRequestException("year", "年份须在 " + FIRST_YEAR + " 至 " + today.getYear() + " 之间");
        }
    }
}
