package cn.gov.zhuzhou.duban.dispatch;

/**
 * PLANNED until it closes; annex 2, rule 7: it closes only with minutes, a ticket, or both. A planned session that
 * has issued no ticket may be CANCELLED, with the reason.
 */
public enum SessionStatus {
    PLANNED,
    CLOSED,
    CANCELLED
}
