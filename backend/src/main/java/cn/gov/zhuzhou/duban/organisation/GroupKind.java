package cn.gov.zhuzhou.duban.organisation;

/** Annex 1: the leading group, its office, and the working groups under it. */
public enum GroupKind {
    LEADING_GROUP,
    OFFICE,
    WORKING_GROUP
}
