package cn.gov.zhuzhou.duban.report;

/** How a task stands in a unit's report: on track, at risk, or late. */
public enum Track {
    ON_TRACK,
    AT_RISK,
    LATE
}
