package cn.gov.zhuzhou.duban.dispatch;

/** PLANNED until it closes; annex 2, rule 7: it closes only with minutes, a ticket, or both. */
public enum SessionStatus {
    PLANNED,
    CLOSED
}
