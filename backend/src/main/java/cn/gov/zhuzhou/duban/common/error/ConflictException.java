package cn.gov.zhuzhou.duban.common.error;

/** A change that contradicts the current data: a duplicate, an illegal move, a resource still in use. */
public class ConflictException extends DomainException {

    public ConflictException(String detail) {
        super(ProblemKind.CONFLICT, detail);
    }

    public ConflictException(ProblemKind kind, String detail) {
        super(kind, detail);
    }

    public static ConflictException inUse(String detail) {
        return new ConflictException(ProblemKind.IN_USE, detail);
    }
}
