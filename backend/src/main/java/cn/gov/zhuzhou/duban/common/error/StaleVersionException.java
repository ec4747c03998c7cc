package cn.gov.zhuzhou.duban.common.error;

/** The client edited an old copy: the version it sent is not the stored one. */
public class StaleVersionException extends DomainException {

    /**
     * Optimistic locking at the door: refuses an edit made on a copy older than the stored one. The request's
     * {@code If-Match} wins when there is one (412 when it names another version; a version in the body is then not
     * looked at); otherwise the version in the body decides (409), and an edit with neither is refused (428).
     */
    public static void requireCurrent(String what, Object id, Long sent, long current) {
        var ifMatch = cn.gov.zhuzhou.duban.common.http.RequestPreconditions.current();
        if (ifMatch.isPresent()) {
            if (!ifMatch.get().matches(current)) {
                throw new PreconditionFailedException(what, id, current);
            }
            return;
        }
        if (sent == null) {
            throw new PreconditionRequiredException("修改" + what + " " + id + " 须带 If-Match（读取时得到的 ETag）");
        }
        if (sent != current) {
            throw new StaleVersionException(what, id, sent, current);
        }
    }

    public StaleVersionException(String what, Object id, long sent, long current) {
        super(ProblemKind.STALE_VERSION,
                what + " " + id + " 已被他人修改（提交的版本 " + sent + "，当前版本 " + current + "），请刷新后重试");
    }
}
