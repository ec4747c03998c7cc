package cn.gov.zhuzhou.duban.dispatch;

/** Annex 2, rule 2: meeting (会议协调), on-site office (一线办公), information platform (信息平台调度). */
public enum SessionForm {
    MEETING,
    ON_SITE,
    PLATFORM
}
