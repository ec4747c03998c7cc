package cn.gov.zhuzhou.duban.common.security;

/** The realm roles of DOMAIN.md ("Who uses it"), in one place for every {@code @RolesAllowed}. */
public final class Roles {

    /** System administrators: units, positions, groups, plans. */
    public static final String ADMIN = "admin";
    /** The leading group's office: the whole workflow. */
    public static final String OFFICE = "office";
    /** Secretary, mayor, deputy mayors, deputy secretaries-general: read everything, decide escalations. */
    public static final String LEADER = "leader";
    /** The party and government supervision offices. */
    public static final String SUPERVISOR = "supervisor";
    /** A unit's liaison, tied to exactly one unit (claim {@code unit_id}). */
    public static final String UNIT = "unit";
    /** A partner city's system (claim {@code city}), machine to machine. */
    public static final String PARTNER = "partner";

    private Roles() {
    }
}
