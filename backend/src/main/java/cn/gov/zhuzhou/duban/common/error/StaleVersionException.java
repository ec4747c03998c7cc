package cn.gov.zhuzhou.duban.common.error;

/** The client edited an old copy: the version it sent is not the stored one. */
public class StaleVersionException extends DomainException {

    /** Optimistic locking at the door: refuses an edit made on a copy older than the stored one. */
    public static void requireCurrent(String what, Object id, long sent, long current) {
        if (sent != current) {
            throw new StaleVersionException(what, id, sent, current);
        }
    }

    public StaleVersionException(String what, Object id, long sent, long current) {
        super(ProblemKind.STALE_VERSION,
                what + " " + id + " 已被他人修改（提交的版本 " + sent + "，当前版本 " + current + "），请刷新后重试");
    }
}
