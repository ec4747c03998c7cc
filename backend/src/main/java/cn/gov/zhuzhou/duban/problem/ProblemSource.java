package cn.gov.zhuzhou.duban.problem;

import cn.gov.zhuzhou.duban.common.error.ForbiddenException;
import cn.gov.zhuzhou.duban.common.security.Roles;
import java.util.function.Predicate;

/** Where a problem was raised; it follows from who raises it and from what, not from the caller's choice. */
public enum ProblemSource {
    /** 月报中的问题和困难 (also what a liaison raises by hand: its unit's own report of a difficulty) */
    REPORT(Roles.UNIT),
    /** raised in a dispatch session (recorded by the office) */
    SESSION(Roles.OFFICE),
    /** found by a supervision case */
    SUPERVISION(Roles.SUPERVISOR),
    /** 领导批示 */
    LEADER_INSTRUCTION(Roles.LEADER),
    /** raised by the office directly */
    OFFICE(Roles.OFFICE);

    private final String raisedBy;

    ProblemSource(String raisedBy) {
        this.raisedBy = raisedBy;
    }

    /** The role whose holder may raise a problem from this source by hand. */
    public String raisedBy() {
        return raisedBy;
    }

    /**
     * The source of a problem raised by hand by a caller with the roles {@code has} accepts: the one it asks for if its
     * roles allow it (403 otherwise), else its role's own (office, then leader, then supervisor, then liaison).
     */
    static ProblemSource claimedBy(Predicate<String> has, ProblemSource asked) {
        if (asked != null) {
            if (!has.test(asked.raisedBy)) {
                throw new ForbiddenException("问题来源 source 由提出者决定，当前身份不能标为 " + asked + "（须由" + roleName(asked.raisedBy)
                        + "提出）");
            }
            return asked;
        }
        return has.test(Roles.OFFICE) ? OFFICE : has.test(Roles.LEADER) ? LEADER_INSTRUCTION : has.test(Roles.SUPERVISOR) ? SUPERVISION : REPORT;
    }

    private static String roleName(String role) {
        return switch (role) {
            case Roles.UNIT -> "责任单位联络员";
            case Roles.OFFICE -> "领导小组办公室";
            case Roles.LEADER -> "领导";
            case Roles.SUPERVISOR -> "督查室";
            default -> role;
        };
    }
}
