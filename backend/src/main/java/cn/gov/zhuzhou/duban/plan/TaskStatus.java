package cn.gov.zhuzhou.duban.plan;

/** Where a task stands. */
public enum TaskStatus {
    NOT_STARTED,
    IN_PROGRESS,
    COMPLETED,
    SUSPENDED
}
