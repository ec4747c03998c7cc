package cn.gov.zhuzhou.duban.webhook;

import cn.gov.zhuzhou.duban.common.persistence.JdbcRows;

import cn.gov.zhuzhou.duban.common.time.ClockProducer;
import cn.gov.zhuzhou.duban.events.EventsSequenced;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The webhook tables (subscriptions, deliveries, attempts), in plain SQL: claims need SKIP LOCKED, fan-out an insert-select. */
@ApplicationScoped
class WebhookStore {

    static final String ACTIVE = "ACTIVE", DISABLED = "DISABLED";
    static final String PENDING = "PENDING", SUCCEEDED = "SUCCEEDED", FAILED = "FAILED";

    private final EntityManager em;

    WebhookStore(EntityManager em) {
        this.em = em;
    }

    /** A subscription row as stored. */
    record Subscription(long id, String clientId, String cityCode, String url, List<String> eventTypes, String secret, String previousSecret,
            Instant previousSecretUntil, String status, String disabledReason, Instant createdAt) {
    }

    /** A delivery claimed for one attempt: what to send where, with which secrets. */
    record Claim(long deliveryId, long subscriptionId, long eventRow, String url, List<String> secrets, int attempt) {
    }

    // ---- fan-out ------------------------------------------------------------------------------------------------

    /**
     * Newly numbered events become deliveries for every active subscription that asked for their type and may read them
     * (partner subscriptions: events about the shared tasks), in the sequencer's transaction: once, never twice. A webhook
     * receives the changes made from its registration on, not older ones numbered late.
     */
    void fanOut(@Observes EventsSequenced sequenced) {
        em.createNativeQuery("""
                insert into webhook_delivery (subscription_id, event_id, feed_seq, resource_key, status, attempts, next_attempt_at, created_at, updated_at)
                select s.id, e.id, e.feed_seq, concat(e.resource_type, ':', e.resource_id), 'PENDING', 0, e.occurred_at, e.occurred_at, e.occurred_at
                from domain_event e join webhook_subscription s on s.status = 'ACTIVE' and find_in_set(e.type, s.event_types) > 0
                where e.feed_seq between ?1 and ?2 and e.partner_visible and e.occurred_at >= s.created_at""")
                .setParameter(1, sequenced.from()).setParameter(2, sequenced.to()).executeUpdate();
    }

    // ---- subscriptions ------------------------------------------------------------------------------------------

    long insertSubscription(String clientId, String cityCode, String url, List<String> eventTypes, String secret, Instant now, String actor) {
        em.createNativeQuery("""
                insert into webhook_subscription (client_id, city_code, url, event_types, secret, status, created_at, created_by)
                values (?1, ?2, ?3, ?4, ?5, 'ACTIVE', ?6, ?7)""")
                .setParameter(1, clientId).setParameter(2, cityCode).setParameter(3, url).setParameter(4, String.join(",", eventTypes))
                .setParameter(5, secret).setParameter(6, JdbcRows.utc(now)).setParameter(7, actor).executeUpdate();
        return ((Number) em.createNativeQuery("select last_insert_id()").getSingleResult()).longValue();
    }

    Optional<Subscription> subscription(long id) {
        return subscriptions("where id = ?1", id).stream().findFirst();
    }

    /** Every subscription, or one client's (null: all). */
    List<Subscription> subscriptionsOf(String clientId) {
        return clientId == null ? subscriptions("where 1 = 1") : subscriptions("where client_id = ?1", clientId);
    }

    void rotateSecret(long id, String newSecret, String oldSecret, Instant oldValidUntil) {
        em.createNativeQuery("update webhook_subscription set secret = ?1, previous_secret = ?2, previous_secret_until = ?3, version = version + 1 where id = ?4")
                .setParameter(1, newSecret).setParameter(2, oldSecret).setParameter(3, JdbcRows.utc(oldValidUntil)).setParameter(4, id).executeUpdate();
    }

    /** Disables a subscription and gives up its pending deliveries (nothing more is sent to it). */
    void disable(long id, String reason, Instant now) {
        em.createNativeQuery("update webhook_subscription set status = 'DISABLED', disabled_reason = ?1, version = version + 1 where id = ?2")
                .setParameter(1, reason).setParameter(2, id).executeUpdate();
        em.createNativeQuery("update webhook_delivery set status = 'FAILED', next_attempt_at = null, last_error = ?1, updated_at = ?2 "
                + "where subscription_id = ?3 and status = 'PENDING'").setParameter(1, reason).setParameter(2, JdbcRows.utc(now)).setParameter(3, id).executeUpdate();
    }

    private List<Subscription> subscriptions(String where, Object... params) {
        var q = em.createNativeQuery("select id, client_id, city_code, url, event_types, secret, previous_secret, previous_secret_until, status, "
                + "disabled_reason, created_at from webhook_subscription " + where + " order by id");
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> new Subscription(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                Arrays.asList(((String) r[4]).split(",")), (String) r[5], (String) r[6], instant(r[7]), (String) r[8], (String) r[9], instant(r[10]))).toList();
    }

    // ---- claiming and recording ---------------------------------------------------------------------------------

    /**
     * Claims the due deliveries, at most {@code perSubscription} of each subscription, skipping rows another instance
     * holds (SKIP LOCKED), and never one whose resource has an earlier delivery still pending for the same subscription
     * (events of one resource arrive in order). A claimed row's next attempt moves to {@code leaseUntil}: if this
     * instance dies before recording the attempt, the delivery is sent again then, with the same webhook-id.
     */
    List<Claim> claimDue(Instant now, Instant leaseUntil, int perSubscription) {
        return claimDue(now, leaseUntil, perSubscription, null);
    }

    /** As above, recording which instance holds the lease ({@code leased_by}, "pid@host"), for the operator and the cluster drill. */
    List<Claim> claimDue(Instant now, Instant leaseUntil, int perSubscription, String instance) {
        @SuppressWarnings("unchecked")
        List<Number> subscriptionIds = em.createNativeQuery("select distinct subscription_id from webhook_delivery "
                + "where status = 'PENDING' and next_attempt_at <= ?1 limit 200").setParameter(1, JdbcRows.utc(now)).getResultList();
        List<Long> claimed = new ArrayList<>();
        for (Number sub : subscriptionIds) {
            @SuppressWarnings("unchecked")
            List<Number> ids = em.createNativeQuery("""
                    select d.id from webhook_delivery d
                    where d.subscription_id = ?1 and d.status = 'PENDING' and d.next_attempt_at <= ?2
                      and not exists (select 1 from webhook_delivery p where p.subscription_id = d.subscription_id
                                      and p.resource_key = d.resource_key and p.status = 'PENDING' and p.feed_seq < d.feed_seq)
                    order by d.feed_seq limit ?3 for update skip locked""")
                    .setParameter(1, sub.longValue()).setParameter(2, JdbcRows.utc(now)).setParameter(3, perSubscription).getResultList();
            ids.forEach(id -> claimed.add(id.longValue()));
        }
        if (claimed.isEmpty()) {
            return List.of();
        }
        em.createNativeQuery("update webhook_delivery set attempts = attempts + 1, next_attempt_at = ?1, leased_by = ?3 where id in (?2)")
                .setParameter(1, JdbcRows.utc(leaseUntil)).setParameter(2, claimed).setParameter(3, instance).executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select d.id, d.subscription_id, d.event_id, s.url, s.secret, s.previous_secret, s.previous_secret_until, d.attempts
                from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id where d.id in (?1) order by d.feed_seq""")
                .setParameter(1, claimed).getResultList();
        List<Claim> claims = new ArrayList<>();
        for (Object[] r : rows) {
            List<String> secrets = new ArrayList<>(List.of((String) r[4]));
            Instant previousUntil = instant(r[6]);
            if (r[5] != null && previousUntil != null && previousUntil.isAfter(now)) {
                secrets.add((String) r[5]);
            }
            claims.add(new Claim(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), ((Number) r[2]).longValue(), (String) r[3],
                    List.copyOf(secrets), ((Number) r[7]).intValue()));
        }
        return claims;
    }

    void recordAttempt(long deliveryId, Instant at, Integer statusCode, long latencyMs, String error) {
        em.createNativeQuery("insert into webhook_attempt (delivery_id, attempted_at, status_code, latency_ms, error) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, deliveryId).setParameter(2, JdbcRows.utc(at)).setParameter(3, statusCode).setParameter(4, latencyMs)
                .setParameter(5, clip(error)).executeUpdate();
    }

    void settle(long deliveryId, String status, Instant nextAttemptAt, Integer statusCode, String error, Instant now) {
        em.createNativeQuery("update webhook_delivery set status = ?1, next_attempt_at = ?2, last_status = ?3, last_error = ?4, updated_at = ?5 where id = ?6")
                .setParameter(1, status).setParameter(2, nextAttemptAt == null ? null : JdbcRows.utc(nextAttemptAt)).setParameter(3, statusCode)
                .setParameter(4, clip(error)).setParameter(5, JdbcRows.utc(now)).setParameter(6, deliveryId).executeUpdate();
    }

    // ---- reading deliveries -------------------------------------------------------------------------------------

    /** A delivery row: id, subscription, event id, event type, status, next attempt. */
    record Delivery(long id, long subscriptionId, String eventId, String eventType, String status, Instant nextAttemptAt) {
    }

    record Attempt(long deliveryId, Instant at, Integer statusCode, long latencyMs, String error) {
    }

    /**
     * Deliveries by standing, for the operators' gauges: {@code failing} is still PENDING after at least one attempt
     * that did not succeed (the retry schedule is running), {@code failed} gave up. Both counts read the index
     * (status, next_attempt_at); PENDING rows are few, FAILED is an index range.
     */
    long[] countFailingAndFailed() {
        Object[] row = (Object[]) em.createNativeQuery("""
                select (select count(*) from webhook_delivery where status = 'PENDING' and attempts > 0),
                       (select count(*) from webhook_delivery where status = 'FAILED')""").getSingleResult();
        return new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
    }

    long countDeliveries(long subscriptionId) {
        return ((Number) em.createNativeQuery("select count(*) from webhook_delivery where subscription_id = ?1").setParameter(1, subscriptionId)
                .getSingleResult()).longValue();
    }

    List<Delivery> deliveries(long subscriptionId, int offset, int limit) {
        return deliveries("d.subscription_id = ?1 order by d.id desc limit " + limit + " offset " + offset, subscriptionId);
    }

    Optional<Delivery> delivery(long id) {
        return deliveries("d.id = ?1", id).stream().findFirst();
    }

    private List<Delivery> deliveries(String where, long param) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select d.id, d.subscription_id, e.event_id, e.type, d.status, d.next_attempt_at "
                + "from webhook_delivery d join domain_event e on e.id = d.event_id where " + where).setParameter(1, param).getResultList();
        return rows.stream().map(r -> new Delivery(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2], (String) r[3], (String) r[4],
                instant(r[5]))).toList();
    }

    /** The attempts of these deliveries, oldest first, in one statement. */
    Map<Long, List<Attempt>> attemptsOf(Collection<Long> deliveryIds) {
        Map<Long, List<Attempt>> out = new LinkedHashMap<>();
        if (deliveryIds.isEmpty()) {
            return out;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select delivery_id, attempted_at, status_code, latency_ms, error from webhook_attempt "
                + "where delivery_id in (?1) order by attempted_at, id").setParameter(1, deliveryIds).getResultList();
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            out.computeIfAbsent(id, k -> new ArrayList<>()).add(new Attempt(id, instant(r[1]), r[2] == null ? null : ((Number) r[2]).intValue(),
                    ((Number) r[3]).longValue(), (String) r[4]));
        }
        return out;
    }

    /** A new round for a delivery that succeeded or failed: pending again, due now, its schedule from the start. */
    void redeliver(long deliveryId, Instant now) {
        em.createNativeQuery("update webhook_delivery set status = 'PENDING', attempts = 0, next_attempt_at = ?1, updated_at = ?1 where id = ?2")
                .setParameter(1, JdbcRows.utc(now)).setParameter(2, deliveryId).executeUpdate();
    }

    // ---- time ---------------------------------------------------------------------------------------------------

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (value instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        return (Instant) value;
    }

    static OffsetDateTime shanghai(Instant at) {
        return at == null ? null : at.atZone(ClockProducer.ZONE).toOffsetDateTime();
    }

    private static String clip(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }
}
