package cn.gov.zhuzhou.duban.plan;

import java.time.LocalDate;

/** A task as the plan tree shows it: only the columns a tree node carries (no texts beyond the title), never an entity. */
record TaskTreeRow(Long id, Long parentId, String code, TaskKind kind, String title, String areaCode, String leadCityCode,
        String leadCityName, LocalDate deadline, LocalDate startDate, Integer weight, TaskStatus status, int progressPercent) {

    static final String SELECT = "select new cn.gov.zhuzhou.duban.plan.TaskTreeRow(t.id, t.parent.id, t.code, t.kind, t.title, a.code, "
            + "c.code, c.name, t.deadline, t.startDate, t.weight, t.status, t.progressPercent) "
            + "from Task t left join t.area a left join t.crossCityLeadCity c ";

    ProgressRollup.Node node() {
        return new ProgressRollup.Node(id, parentId, status, progressPercent, weight);
    }
}
