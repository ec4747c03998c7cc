package cn.gov.zhuzhou.duban.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a parent task's progress rolls up from its sub-tasks (the one place of this rule). A pure rule: no database.
 * <ul>
 * <li>Percent: the weighted mean of the sub-tasks' (themselves rolled-up) percents, each sub-task weighing its
 * {@code weight} (1 when unset, so equal weights unless set), rounded down to a whole percent, so that a parent
 * reaches 100 only when every sub-task does.</li>
 * <li>Status: every sub-task COMPLETED -> COMPLETED; every sub-task SUSPENDED -> SUSPENDED; any sub-task started
 * (IN_PROGRESS or COMPLETED) or any progress above 0 -> IN_PROGRESS; otherwise NOT_STARTED.</li>
 * <li>A task without sub-tasks keeps its reported figure.</li>
 * </ul>
 */
public final class ProgressRollup {

    private ProgressRollup() {
    }

    /** One task as the rule needs it: where it hangs, its reported figure and its weight among its siblings. */
    public record Node(long id, Long parentId, TaskStatus status, int percent, Integer weight) {
    }

    /** A status and percent, reported or derived. */
    public record Figure(TaskStatus status, int percent) {
    }

    /** A sub-task's figure and its weight (null: 1). */
    public record Weighted(Figure figure, Integer weight) {
    }

    /**
     * The derived figure of every node: its own reported figure for a leaf, rolled up from its children for a parent.
     * A node whose parent is not among {@code nodes} is a root.
     */
    public static Map<Long, Figure> derive(Collection<Node> nodes) {
        Map<Long, List<Node>> children = new HashMap<>();
        for (Node n : nodes) {
            if (n.parentId() != null) {
                children.computeIfAbsent(n.parentId(), k -> new ArrayList<>()).add(n);
            }
        }
        Map<Long, Figure> derived = new HashMap<>();
        for (Node n : nodes) {
            derive(n, children, derived, 0);
        }
        return derived;
    }

    private static Figure derive(Node n, Map<Long, List<Node>> children, Map<Long, Figure> derived, int depth) {
        Figure known = derived.get(n.id());
        if (known != null) {
            return known;
        }
        List<Node> kids = children.getOrDefault(n.id(), List.of());
        Figure f;
        if (kids.isEmpty() || depth > 64) {
            f = new Figure(n.status(), n.percent());
        } else {
            List<Weighted> parts = new ArrayList<>();
            for (Node k : kids) {
                parts.add(new Weighted(derive(k, children, derived, depth + 1), k.weight()));
            }
            f = combine(parts);
        }
        derived.put(n.id(), f);
        return f;
    }

    /** A parent's figure from its sub-tasks' figures and weights. */
    public static Figure combine(List<Weighted> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no sub-tasks");
        }
        long totalWeight = 0;
        long weighted = 0;
        boolean allCompleted = true;
        boolean allSuspended = true;
        boolean anyStarted = false;
        for (Weighted p : parts) {
            int w = weightOf(p.weight());
            totalWeight += w;
            weighted += (long) w * p.figure().percent();
            TaskStatus s = p.figure().status();
            allCompleted &= s == TaskStatus.COMPLETED;
            allSuspended &= s == TaskStatus.SUSPENDED;
            anyStarted |= s == TaskStatus.IN_PROGRESS || s == TaskStatus.COMPLETED || p.figure().percent() > 0;
        }
        int percent = (int) (weighted / totalWeight);
        TaskStatus status = allCompleted ? TaskStatus.COMPLETED
                : allSuspended ? TaskStatus.SUSPENDED
                : anyStarted ? TaskStatus.IN_PROGRESS
                : TaskStatus.NOT_STARTED;
        return new Figure(status, allCompleted ? 100 : percent);
    }

    /** A sub-task's weight: its own when set, else 1 (equal weights). */
    public static int weightOf(Integer weight) {
        return weight == null ? 1 : weight;
    }
}
