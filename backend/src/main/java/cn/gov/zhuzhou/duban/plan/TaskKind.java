package cn.gov.zhuzhou.duban.plan;

/** Section 二 of the plan: standing tasks (长期工作任务) and near-term items (近期具体工作). */
public enum TaskKind {
    LONG_TERM,
    NEAR_TERM
}
