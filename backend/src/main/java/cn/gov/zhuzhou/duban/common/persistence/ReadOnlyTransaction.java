package cn.gov.zhuzhou.duban.common.persistence;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A read-only unit of work, in place of {@code @Transactional} on a service method that only reads (issue 11: read
 * paths do no write work).
 *
 * <p>Convention: put it on every service method behind a GET instead of {@code @Transactional}. Called with no
 * transaction active, it begins one whose Hibernate session loads entities read-only (no snapshots, never
 * dirty-checked) and never flushes ({@code FlushMode.MANUAL}), and commits it at the end (nothing to write).
 * Called inside a caller's transaction (a write that returns its fresh view), it joins that transaction unchanged,
 * so the caller's own changes still flush. Reads that return views should still prefer projections to entities;
 * this annotation is the guard, not the whole cure.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadOnlyTransaction {
}
