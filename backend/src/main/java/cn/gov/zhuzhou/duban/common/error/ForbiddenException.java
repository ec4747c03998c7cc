package cn.gov.zhuzhou.duban.common.error;

/** The caller may see the resource but not change it this way (a unit outside its own house, a partner off its tasks). */
public class ForbiddenException extends DomainException {

    public ForbiddenException(String detail) {
        super(ProblemKind.FORBIDDEN, detail);
    }
}
