package cn.gov.zhuzhou.duban.common.persistence;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An entity whose writes do not move the {@link DataVersion}: bookkeeping that no kept answer reads (a scheduled job's
 * runs every few seconds, a notification read). Leave it off anything a page computes from: a missing mark only
 * costs a recomputation, a wrong one serves an answer that missed a change.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface OutsideDataVersion {
}
