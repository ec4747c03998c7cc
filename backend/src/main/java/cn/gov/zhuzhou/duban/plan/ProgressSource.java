package cn.gov.zhuzhou.duban.plan;

/** Who reported a task's progress: the office, a responsible unit, or a partner city's system. */
public enum ProgressSource {
    OFFICE,
    UNIT,
    PARTNER
}
