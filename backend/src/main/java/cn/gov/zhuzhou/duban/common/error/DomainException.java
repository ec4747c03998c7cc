package cn.gov.zhuzhou.duban.common.error;

import java.util.List;

/** Base of every failure a service reports on purpose; mapped once to problem+json. */
public class DomainException extends RuntimeException {

    private final ProblemKind kind;
    private final List<Problem.Violation> violations;

    public DomainException(ProblemKind kind, String detail) {
        this(kind, detail, null);
    }

    public DomainException(ProblemKind kind, String detail, List<Problem.Violation> violations) {
        super(detail);
        this.kind = kind;
        this.violations = violations;
    }

    public ProblemKind kind() {
        return kind;
    }

    public List<Problem.Violation> violations() {
        return violations;
    }
}
