package cn.gov.zhuzhou.duban.assessment;

import cn.gov.zhuzhou.duban.common.admission.CachedRead;
import cn.gov.zhuzhou.duban.common.admission.CachedReads;
import cn.gov.zhuzhou.duban.common.admission.HeavyWork;
import cn.gov.zhuzhou.duban.common.http.Gzip;
import cn.gov.zhuzhou.duban.common.http.PreparedJson;
import cn.gov.zhuzhou.duban.unit.UnitService;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The live assessment preview (GET /assessments/{year}) as JSON. A province year is every unit's lines: ~1 s of work,
 * ~10 MB of JSON and several times that on the heap while it is made. So it is made in one of the few heavy turns
 * (HeavyWork, taken before its read-only transaction), and the requests that ask for the same year at the same time
 * share one computation (SharedRead: one that started after each of them arrived, so every answer is still as fresh as
 * a computation of its own), with its JSON written once.
 * <p>
 * The whole answer is gzipped once per round, for the clients that take it (browsers always do): ~10 MB of JSON is
 * ~1 MB to send ({@link PreparedJson}: what keeps the resident set bounded when a round's dozen answers wait to be read).
 * <p>
 * The last two years' answers are kept and given again while no change has been committed and the day is the same
 * (CachedRead: one primary-key read a request, no heavy turn), so leaders reading the ranking between changes cost
 * almost nothing; the first request after a change computes afresh. A kept round holds bytes, not the view: the whole
 * answer gzipped, the ranking and rules (the frame of a cut answer) and each unit's breakdown as gzipped JSON, from which
 * a liaison's answer, or one unit's, is made (session 21: the view of a province year is ~10 MB of objects, 31 600 lines
 * with their Chinese details; kept from one change to the next, it filled the survivor spaces with every build and
 * went on to the old generation; its bytes are ~2.5 MB).
 */
@ApplicationScoped
public class LiveAssessments {

    /** One round's result: the whole answer; the view without breakdowns; each unit's breakdown, gzipped JSON by unit id. */
    private record Live(PreparedJson whole, AssessmentView frame, Map<Long, byte[]> breakdowns) {
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
     * answer is small and comes as plain JSON; a liaison asking for another unit's gets none). The year is checked
     * before any wait (a 400 at once, not a 503 behind busy turns).
     */
    public PreparedJson preview(String year, Long unitId) {
        int checked = assessments.checkedYear(year);
        Long scope = units.workflowScope();
        Live live = rounds.get(checked, () -> heavy.run(() -> kept(assessments.assess(checked))));
        if (scope == null && unitId == null) {
            return live.whole();
        }
        // a liaison sees its own unit's lines only, whatever it asks for
        Long shown = scope == null ? unitId : unitId == null || unitId.equals(scope) ? scope : null;
        byte[] lines = shown == null ? null : live.breakdowns().get(shown);
        List<AssessmentView.Breakdown> only = lines == null ? List.of() : List.of(read(lines));
        return PreparedJson.plain(write(live.frame().withBreakdowns(only)));
    }

    private Live kept(AssessmentView view) {
        PreparedJson whole = PreparedJson.gzippedToKeep(out -> mapper.writeValue(out, view));
        Map<Long, byte[]> breakdowns = new HashMap<>();
        for (AssessmentView.Breakdown b : view.breakdowns()) {
            if (b.unit().id() != null) {
                breakdowns.put(b.unit().id(), Gzip.compress(write(b)));
            }
        }
        return new Live(whole, view.withBreakdowns(List.of()), Map.copyOf(breakdowns));
    }

    private AssessmentView.Breakdown read(byte[] gzipped) {
        try (InputStream in = Gzip.inflating(gzipped)) {
            return mapper.readValue(in, AssessmentView.Breakdown.class);
        } catch (IOException e) {
            throw new UncheckedIOException("a kept unit's assessment lines cannot be read back", e);
        }
    }

    private byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException("the assessment cannot be written as JSON", e);
        }
    }
}
