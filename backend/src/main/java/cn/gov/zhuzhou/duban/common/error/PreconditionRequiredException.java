package cn.gov.zhuzhou.duban.common.error;

/** An edit without If-Match (and without a version in the body): 428. */
public class PreconditionRequiredException extends DomainException {

    public PreconditionRequiredException(String detail) {
        super(ProblemKind.PRECONDITION_REQUIRED, detail);
    }
}
