package cn.gov.zhuzhou.duban.events;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Who may read an event besides the office, leaders, supervisors and admins (who read every unit's): the units it
 * concerns (by id), and the partner cities when it is about a task the three cities share — the only data a
 * partner's token can read over the API (TaskAccess).
 */
public record Audience(boolean partners, List<Long> unitIds) {

    public Audience {
        unitIds = unitIds == null ? List.of() : unitIds.stream().filter(Objects::nonNull).distinct().toList();
    }

    /** Only those who read every unit's data. */
    public static Audience staffOnly() {
        return new Audience(false, List.of());
    }

    /** The units with these ids (and staff). */
    public static Audience units(Collection<Long> unitIds) {
        return new Audience(false, List.copyOf(unitIds));
    }

    /** One unit (and staff). */
    public static Audience unit(Long unitId) {
        return new Audience(false, unitId == null ? List.of() : List.of(unitId));
    }

    /** A task's event: its units, and the partners when the three cities share it. */
    public static Audience task(boolean shared, Collection<Long> unitIds) {
        return new Audience(shared, List.copyOf(unitIds));
    }
}
