package cn.gov.zhuzhou.duban.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The idempotency keys, in the database so that they survive a restart and every instance sees the same ones. Each
 * step runs in a transaction of its own, apart from the request's: the key is taken (RUNNING) and committed before the
 * request is served, so a second request with the same key on any instance sees it at once.
 */
@ApplicationScoped
public class IdempotencyStore {

    /** What to do with a request that carries a key. */
    public sealed interface Decision {
    }

    /** The key is ours: serve the request, then {@link #complete} or {@link #release}. */
    public record Proceed(long id) implements Decision {
    }

    /** The key was used for this same request: answer with its first response. */
    public record Replay(int status, Map<String, String> headers, byte[] body) implements Decision {
    }

    /** The key was used for another request (another body, method or path). */
    public record Mismatch() implements Decision {
    }

    /** The first request with this key is still being served. */
    public record InProgress() implements Decision {
    }

    private static final TypeReference<LinkedHashMap<String, String>> HEADERS = new TypeReference<>() {
    };

    private final EntityManager em;
    private final Clock clock;
    private final HttpConfig config;
    private final ObjectMapper mapper;

    IdempotencyStore(EntityManager em, Clock clock, HttpConfig config, ObjectMapper mapper) {
        this.em = em;
        this.clock = clock;
        this.config = config;
        this.mapper = mapper;
    }

    /** Takes the key for this request, or says why not: replay, mismatch or in progress. */
    public Decision begin(String client, String key, String fingerprint) {
        Instant now = clock.instant();
        Instant expires = now.plus(config.idempotency().retention());
        int inserted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                insert ignore into idempotency_key (client, idem_key, fingerprint, state, locked_at, created_at, expires_at)
                values (?1, ?2, ?3, 'RUNNING', ?4, ?4, ?5)""")
                .setParameter(1, client).setParameter(2, key).setParameter(3, fingerprint)
                .setParameter(4, Timestamp.from(now)).setParameter(5, Timestamp.from(expires)).executeUpdate());
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    select id, fingerprint, state, locked_at, expires_at, response_status, response_headers, response_body
                    from idempotency_key where client = ?1 and idem_key = ?2""")
                    .setParameter(1, client).setParameter(2, key).getResultList();
            if (rows.isEmpty()) {
                // Purged between the two statements: rare; the client may simply retry.
                return new InProgress();
            }
            Object[] row = rows.get(0);
            long id = ((Number) row[0]).longValue();
            if (inserted == 1) {
                return new Proceed(id);
            }
            Instant lockedAt = instant(row[3]);
            Instant expiresAt = instant(row[4]);
            if (!expiresAt.isAfter(now)) {
                // An expired key is free again: this request starts it anew (compare-and-set on the old expiry).
                int taken = em.createNativeQuery("""
                        update idempotency_key set fingerprint = ?1, state = 'RUNNING', locked_at = ?2, created_at = ?2,
                        expires_at = ?3, response_status = null, response_headers = null, response_body = null
                        where id = ?4 and expires_at = ?5""")
                        .setParameter(1, fingerprint).setParameter(2, Timestamp.from(now)).setParameter(3, Timestamp.from(expires))
                        .setParameter(4, id).setParameter(5, row[4]).executeUpdate();
                return taken == 1 ? new Proceed(id) : new InProgress();
            }
            if (!fingerprint.equals(row[1])) {
                return new Mismatch();
            }
            if ("DONE".equals(row[2])) {
                return new Replay(((Number) row[5]).intValue(), headers((String) row[6]), row[7] == null ? new byte[0] : (byte[]) row[7]);
            }
            if (lockedAt.plus(config.idempotency().lease()).isBefore(now)) {
                // The first request's instance died while serving it: this retry takes the key over.
                int taken = em.createNativeQuery("update idempotency_key set locked_at = ?1 where id = ?2 and state = 'RUNNING' and locked_at = ?3")
                        .setParameter(1, Timestamp.from(now)).setParameter(2, id).setParameter(3, row[3]).executeUpdate();
                return taken == 1 ? new Proceed(id) : new InProgress();
            }
            return new InProgress();
        });
    }

    /** Keeps the first answer, to be replayed to every retry until the key expires. */
    public void complete(long id, int status, Map<String, String> headers, byte[] body) {
        String json;
        try {
            json = mapper.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                update idempotency_key set state = 'DONE', response_status = ?1, response_headers = ?2, response_body = ?3
                where id = ?4 and state = 'RUNNING'""")
                .setParameter(1, status).setParameter(2, json).setParameter(3, body).setParameter(4, id).executeUpdate());
    }

    /** Frees the key (the answer was a server error or one about the moment): the client may retry with it. */
    public void release(long id) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from idempotency_key where id = ?1 and state = 'RUNNING'")
                .setParameter(1, id).executeUpdate());
    }

    /** Deletes the expired keys, a thousand at a time so no statement holds many locks; returns how many. */
    public int purgeExpired() {
        Timestamp now = Timestamp.from(clock.instant());
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                    "delete from idempotency_key where expires_at <= ?1 limit 1000").setParameter(1, now).executeUpdate());
            total += deleted;
        } while (deleted == 1000);
        return total;
    }

    private Map<String, String> headers(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return mapper.readValue(json, HEADERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.LocalDateTime l) {
            return l.toInstant(java.time.ZoneOffset.UTC);
        }
        if (value instanceof Instant i) {
            return i;
        }
        throw new IllegalStateException("unexpected time value " + value);
    }
}
