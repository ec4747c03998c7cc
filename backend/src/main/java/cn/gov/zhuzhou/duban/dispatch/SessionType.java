package cn.gov.zhuzhou.duban.dispatch;

/** Annex 2, rule 1: regular dispatch first; ad-hoc and emergency dispatch when needed. */
public enum SessionType {
    REGULAR,
    AD_HOC,
    EMERGENCY
}
