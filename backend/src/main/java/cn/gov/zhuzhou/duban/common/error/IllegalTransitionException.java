package cn.gov.zhuzhou.duban.common.error;

/** A workflow step that the record's current state does not allow; the detail names that state. */
public class IllegalTransitionException extends DomainException {

    public IllegalTransitionException(String what, Object id, Enum<?> current, String action) {
        super(ProblemKind.ILLEGAL_TRANSITION, what + " " + id + " 当前状态为 " + current.name() + "，不能" + action);
    }
}
