package cn.gov.zhuzhou.duban.organisation;

/** A seat in a group, as annex 1 names it. */
public enum MembershipRole {
    /** 第一组长 */
    FIRST_LEADER,
    /** 组长 */
    LEADER,
    /** 副组长 */
    DEPUTY_LEADER,
    /** 成员 */
    MEMBER,
    /** 办公室主任 */
    OFFICE_DIRECTOR,
    /** 办公室副主任 */
    OFFICE_DEPUTY_DIRECTOR
}
