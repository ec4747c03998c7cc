package cn.gov.zhuzhou.duban.assessment;

import cn.gov.zhuzhou.duban.common.admission.HeavyWork;
import cn.gov.zhuzhou.duban.common.admission.SharedRead;
import cn.gov.zhuzhou.duban.unit.UnitService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The live assessment preview (GET /assessments/{year}) as JSON. A province year is every unit's lines: ~1 s of work,
 * ~10 MB of JSON and several times that on the heap while it is made. So it is made in one of the few heavy turns
 * (HeavyWork, taken before its read-only transaction), and the requests that ask for the same year at the same time
 * share one computation (SharedRead: one that started after each of them arrived, so every answer is still as fresh as
 * a computation of its own), with its JSON written once; a liaison's answer, or one unit's, is cut from the shared view.
 * <p>
 * The whole answer is also gzipped once per round, for the clients that take it (browsers always do): ~10 MB of JSON is
 * ~1 MB to send. Each answer waits whole in native memory until its client has read it (Netty copies it off the heap to
 * write it), a dozen at once when a round ends, so this is what keeps the resident set bounded under load.
 */
@ApplicationScoped
public class LiveAssessments {

    /** One round's result: the whole view, and its JSON as the office, leaders and supervisors read it, plain and gzipped. */
    private record Live(AssessmentView view, byte[] json, byte[] gzip) {
    }

    /** An answer's bytes: JSON, gzip-encoded when {@code gzip} (the Content-Encoding to send). */
    public record Answer(byte[] body, boolean gzip) {
    }

    private final AssessmentService assessments;
    private final UnitService units;
    private final HeavyWork heavy;
    private final ObjectMapper mapper;
    private final SharedRead<Integer, Live> rounds = new SharedRead<>();

    LiveAssessments(AssessmentService assessments, UnitService units, HeavyWork heavy, ObjectMapper mapper) {
        this.assessments = assessments;
        this.units = units;
        this.heavy = heavy;
        this.mapper = mapper;
    }

    /**
     * The preview for the caller: the office, leaders and supervisors read everything; a liaison the ranking and its own
     * lines; {@code unitId}: only that unit's lines. The year is checked before any wait (a 400 at once, not a 503 behind
     * busy turns). {@code takesGzip}: the client accepts gzip, so the whole answer may come gzipped (a cut one is small
     * and comes as plain JSON).
     */
    public Answer preview(String year, Long unitId, boolean takesGzip) {
        int checked = assessments.checkedYear(year);
        Long scope = units.workflowScope();
        Live live = rounds.get(checked, () -> heavy.run(() -> {
            AssessmentView view = assessments.assess(checked);
            byte[] json = write(view);
            return new Live(view, json, gzip(json));
        }));
        if (scope == null && unitId == null) {
            return takesGzip ? new Answer(live.gzip(), true) : new Answer(live.json(), false);
        }
        AssessmentView view = live.view();
        if (scope != null) {
            view = view.onlyBreakdownOf(scope);
        }
        return new Answer(write(unitId == null ? view : view.onlyBreakdownOf(unitId)), false);
    }

    /** Gzip at the fastest level: a province year's 10 MB in tens of milliseconds, still about a tenth of the size. */
    static byte[] gzip(byte[] json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 8);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 64 * 1024) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            gz.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private byte[] write(AssessmentView view) {
        try {
            return mapper.writeValueAsBytes(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the assessment cannot be written as JSON", e);
        }
    }
}
