package cn.gov.zhuzhou.duban.problem;

/** What kind of obstacle the office classifies a problem as. */
public enum ProblemCategory {
    /** 政策 */
    POLICY,
    /** 资金 */
    FUNDING,
    /** 用地 */
    LAND,
    /** 规划 */
    PLANNING,
    /** 跨部门、跨市协调 */
    COORDINATION,
    /** 其他 */
    OTHER
}
