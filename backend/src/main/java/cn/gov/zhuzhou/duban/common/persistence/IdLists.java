package cn.gov.zhuzhou.duban.common.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Queries over a page's ids ({@code ... where x.id in :ids}) whose translation Hibernate can cache. Hibernate
 * translates a query again on every execution when a parameter is bound to a collection; a list page asks several
 * such queries per request (rows, texts, links, actions by the page's ids), which cost a large share of its CPU
 * (issue 11, deploy/bench-notes/reads.md and queries.md session 7). Here {@code in :ids} becomes
 * {@code in (:ids0, ..., :idsN)}, single-valued parameters, N + 1 rounded up to a power of two (8 to 256, the last id
 * repeated), so each query has at most six shapes, each translated once. Longer lists (a sweep over thousands of
 * ids) keep the collection parameter.
 */
public final class IdLists {

    static final int MIN = 8;
    static final int MAX = 256;
    private static final String TOKEN = "in :ids";

    private IdLists() {
    }

    /** {@code jpql} must say {@code in :ids} once; {@code ids} must not be empty. Other parameters are the caller's. */
    public static <T> TypedQuery<T> query(EntityManager em, String jpql, Class<T> type, Collection<Long> ids) {
        if (ids.isEmpty() || !jpql.contains(TOKEN)) {
            throw new IllegalArgumentException("an id query needs 'in :ids' and at least one id");
        }
        if (ids.size() > MAX) {
            return em.createQuery(jpql, type).setParameter("ids", ids);
        }
        List<Long> list = new ArrayList<>(ids);
        int size = bucket(list.size());
        TypedQuery<T> q = em.createQuery(expanded(jpql, size), type);
        for (int i = 0; i < size; i++) {
            q.setParameter("ids" + i, list.get(Math.min(i, list.size() - 1)));
        }
        return q;
    }

    /** The number of parameters for {@code n} ids: the next power of two from 8 up. */
    static int bucket(int n) {
        int size = MIN;
        while (size < n) {
            size *= 2;
        }
        return size;
    }

    /** {@code jpql} with {@code in :ids} spelled as {@code size} single-valued parameters. */
    static String expanded(String jpql, int size) {
        return jpql.replace(TOKEN, "in (" + placeholders(size) + ")");
    }

    private static String placeholders(int size) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < size; i++) {
            b.append(i == 0 ? "" : ", ").append(":ids").append(i);
        }
        return b.toString();
    }
}
