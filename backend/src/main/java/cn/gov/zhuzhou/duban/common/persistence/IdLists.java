package cn.gov.zhuzhou.duban.common.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Queries over a page's ids ({@code ... where x.id in :ids}) whose translation Hibernate can cache. Hibernate never
 * caches the plan of a query with a parameter bound to a collection: it translates it again on every execution. A list
 * page asks several such queries per request (rows, units, leads, milestones, texts, links, actions by the page's ids),
 * and the translation was 16-25 % of a task page's or an inbox page's CPU (issue 11, deploy/bench-notes/reads.md and
 * queries.md, session 7). Here one id becomes {@code = :ids0} and several become {@code in (:ids0, ..., :idsN)},
 * single-valued parameters, N + 1 rounded up to a power of two (8 to 256, the last id repeated, which {@code in}
 * ignores), so each query has at most seven texts, each translated once. Longer lists (a sweep over thousands of ids)
 * keep the collection parameter. The one place for this rule: task reads and the workflow lists both use it.
 */
public final class IdLists {

    static final int MIN = 8;
    static final int MAX = 256;
    private static final String TOKEN = " in :ids";

    private IdLists() {
    }

    /** A predicate over ids and its parameters, in the form whose translation Hibernate caches. */
    public record Predicate(String where, Map<String, Object> params) {

        /** Sets this predicate's parameters on the query; the query's other parameters are the caller's. */
        public <Q extends Query> Q bind(Q query) {
            params.forEach(query::setParameter);
            return query;
        }
    }

    /** "{@code path} is one of {@code ids}" (not empty). */
    public static Predicate in(String path, Collection<Long> ids) {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("an id predicate needs at least one id");
        }
        if (ids.size() > MAX) {
            return new Predicate(path + TOKEN, Map.of("ids", ids));
        }
        List<Long> list = new ArrayList<>(ids);
        if (list.size() == 1) {
            return new Predicate(path + " = :ids0", Map.of("ids0", list.get(0)));
        }
        int size = bucket(list.size());
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < size; i++) {
            params.put("ids" + i, list.get(Math.min(i, list.size() - 1)));
        }
        return new Predicate(path + " in (" + placeholders(size) + ")", params);
    }

    /** {@code jpql} must say {@code in :ids} once; {@code ids} must not be empty. Other parameters are the caller's. */
    public static <T> TypedQuery<T> query(EntityManager em, String jpql, Class<T> type, Collection<Long> ids) {
        if (ids.isEmpty() || !jpql.contains(TOKEN)) {
            throw new IllegalArgumentException("an id query needs 'in :ids' and at least one id");
        }
        Predicate p = in("", ids);
        return p.bind(em.createQuery(jpql.replace(TOKEN, p.where()), type));
    }

    /** The number of parameters for {@code n} ids (n > 1): the next power of two from 8 up. */
    static int bucket(int n) {
        int size = MIN;
        while (size < n) {
            size *= 2;
        }
        return size;
    }

    private static String placeholders(int size) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < size; i++) {
            b.append(i == 0 ? "" : ", ").append(":ids").append(i);
        }
        return b.toString();
    }
}
