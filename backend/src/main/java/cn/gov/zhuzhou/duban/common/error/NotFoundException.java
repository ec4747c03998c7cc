package cn.gov.zhuzhou.duban.common.error;

/** A resource that does not exist, or that the caller may not know exists. */
public class NotFoundException extends DomainException {

    public NotFoundException(String what, Object id) {
        super(ProblemKind.NOT_FOUND, what + " " + id + " 不存在");
    }
}
