package cn.gov.zhuzhou.duban.common.error;

import cn.gov.zhuzhou.duban.common.http.EntityTags;

/** The If-Match sent names another version than the stored one: 412, with the current tag. */
public class PreconditionFailedException extends DomainException {

    private final String currentEtag;

    public PreconditionFailedException(String what, Object id, long current) {
        super(ProblemKind.PRECONDITION_FAILED, what + " " + id + " 已被他人修改（If-Match 与当前版本 " + current
                + " 不符），请重新读取后再提交");
        this.currentEtag = EntityTags.ofVersion(current);
    }

    public String currentEtag() {
        return currentEtag;
    }
}
