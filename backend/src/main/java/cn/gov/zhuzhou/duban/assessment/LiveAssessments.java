package cn.gov.zhuzhou.duban.assessment;

import cn.gov.zhuzhou.duban.common.admission.CachedRead;
import cn.gov.zhuzhou.duban.common.admission.CachedReads;
import cn.gov.zhuzhou.duban.common.admission.HeavyWork;
import cn.gov.zhuzhou.duban.common.http.PreparedJson;
import cn.gov.zhuzhou.duban.unit.UnitService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The live assessment preview (GET /assessments/{year}) as JSON. A province year is every unit's lines: ~1 s of work,
 * ~10 MB of JSON and several times that on the heap while it is made. So it is made in one of the few heavy turns
 * (HeavyWork, taken before its read-only transaction), and the requests that ask for the same year at the same time
 * share one computation (SharedRead: one that started after each of them arrived, so every answer is still as fresh as
 * a computation of its own), with its JSON written once; a liaison's answer, or one unit's, is cut from the shared view.
 * <p>
 * The whole answer is also gzipped once per round, for the clients that take it (browsers always do): ~10 MB of JSON is
 * ~1 MB to send ({@link PreparedJson}: what keeps the resident set bounded when a round's dozen answers wait to be read).
 * <p>
 * The last two years' answers are kept and given again while no change has been committed and the day is the same
 * (CachedRead: one primary-key read a request, no heavy turn), so leaders reading the ranking between changes cost
 * almost nothing; the first request after a change computes afresh.
 */
@ApplicationScoped
public class LiveAssessments {

    /** One round's result: the whole view, and its JSON as the office, leaders and supervisors read it, plain and gzipped. */
    private record Live(AssessmentView view, PreparedJson whole) {
    }

    private final AssessmentService assessments;
    private final UnitService units;
    private final HeavyWork heavy;
    private final ObjectMapper mapper;
    private final CachedRead<Integer, Live> rounds;

    LiveAssessments(AssessmentService assessments, UnitService units, HeavyWork heavy, ObjectMapper mapper, CachedReads cached) {
        this.assessments = assessments;
        this.rounds = cached.keeping(2);
        this.units = units;
        this.heavy = heavy;
        this.mapper = mapper;
    }

    /**
     * The preview for the caller: the office, leaders and supervisors read everything (the whole answer, gzipped for the
     * clients that take it); a liaison the ranking and its own lines; {@code unitId}: only that unit's lines (a cut
     * answer is small and comes as plain JSON). The year is checked before any wait (a 400 at once, not a 503 behind
     * busy turns).
     */
    public PreparedJson preview(String year, Long unitId) {
        int checked = assessments.checkedYear(year);
        Long scope = units.workflowScope();
        Live live = rounds.get(checked, () -> heavy.run(() -> {
            AssessmentView view = assessments.assess(checked);
            return new Live(view, PreparedJson.gzippedToKeep(out -> mapper.writeValue(out, view)));
        }));
        if (scope == null && unitId == null) {
            return live.whole();
        }
        AssessmentView view = live.view();
        if (scope != null) {
            view = view.onlyBreakdownOf(scope);
        }
        return PreparedJson.plain(write(unitId == null ? view : view.onlyBreakdownOf(unitId)));
    }

    private byte[] write(AssessmentView view) {
        try {
            return mapper.writeValueAsBytes(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the assessment cannot be written as JSON", e);
        }
    }
}
