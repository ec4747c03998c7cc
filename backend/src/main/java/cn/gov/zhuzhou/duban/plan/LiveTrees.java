package cn.gov.zhuzhou.duban.plan;

import cn.gov.zhuzhou.duban.common.admission.HeavyWork;
import cn.gov.zhuzhou.duban.common.admission.SharedRead;
import cn.gov.zhuzhou.duban.common.http.PreparedJson;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A plan's whole tree as it is read (GET /plans/{id}/tree): the same for every caller, and at province scale 2 000 tasks,
 * megabytes of rows and nodes on the heap while it is built and ~1.5 MB of JSON. So it is built in one of the few heavy
 * turns (HeavyWork, before its read-only transaction) and written to JSON inside that turn; the JSON is gzipped just
 * after it (1.5 MB of bytes, one per plan at most: the round is shared), so what waits for the clients is the bytes
 * alone; and the requests that ask for the same plan at the same time share one build that
 * started after each of them asked (SharedRead: as fresh as a build of their own), as the year's assessment
 * ({@code assessment/LiveAssessments}) and every plan's dashboard ({@code dashboard/LiveDashboards}) are.
 */
@ApplicationScoped
public class LiveTrees {

    private final TaskService tasks;
    private final HeavyWork heavy;
    private final SharedRead<Long, PreparedJson> rounds = new SharedRead<>();

    LiveTrees(TaskService tasks, HeavyWork heavy) {
        this.tasks = tasks;
        this.heavy = heavy;
    }

    /** The plan's tree as JSON, plain and gzipped (404 for an unknown plan, to every request of the round). */
    public PreparedJson tree(long planId) {
        return rounds.get(planId, () -> PreparedJson.gzipped(heavy.json(() -> tasks.planTree(planId))));
    }
}
