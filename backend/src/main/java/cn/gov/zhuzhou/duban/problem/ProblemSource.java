package cn.gov.zhuzhou.duban.problem;

/** Where a problem was raised. */
public enum ProblemSource {
    /** 月报中的问题和困难 */
    REPORT,
    /** raised in a dispatch session */
    SESSION,
    /** found by a supervision case */
    SUPERVISION,
    /** 领导批示 */
    LEADER_INSTRUCTION,
    /** raised by the office directly */
    OFFICE
}
