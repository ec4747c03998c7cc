package cn.gov.zhuzhou.duban.common.audit;

/** An entity whose creation and changes are stamped with the actor and the time. */
public interface Audited {

    Audit getAudit();
}
