package cn.gov.zhuzhou.duban.common.error;

/** The client edited an old copy: the version it sent is not the stored one. */
public class StaleVersionException extends DomainException {

    public StaleVersionException(String what, Object id, long sent, long current) {
        super(ProblemKind.STALE_VERSION,
                what + " " + id + " 已被他人修改（提交的版本 " + sent + "，当前版本 " + current + "），请刷新后重试");
    }
}
