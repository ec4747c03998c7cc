package cn.gov.zhuzhou.duban.webhook;

import cn.gov.zhuzhou.duban.common.error.ConflictException;
import cn.gov.zhuzhou.duban.common.error.ForbiddenException;
import cn.gov.zhuzhou.duban.common.error.InvalidRequestException;
import cn.gov.zhuzhou.duban.common.error.NotFoundException;
import cn.gov.zhuzhou.duban.common.paging.PageQuery;
import cn.gov.zhuzhou.duban.common.persistence.ReadOnlyTransaction;
import cn.gov.zhuzhou.duban.common.security.Caller;
import cn.gov.zhuzhou.duban.common.security.Roles;
import cn.gov.zhuzhou.duban.events.EventType;
import cn.gov.zhuzhou.duban.webhook.WebhookViews.AttemptView;
import cn.gov.zhuzhou.duban.webhook.WebhookViews.DeliveryPage;
import cn.gov.zhuzhou.duban.webhook.WebhookViews.DeliveryView;
import cn.gov.zhuzhou.duban.webhook.WebhookViews.SubscriptionCreateRequest;
import cn.gov.zhuzhou.duban.webhook.WebhookViews.SubscriptionView;
import cn.gov.zhuzhou.duban.webhook.WebhookViews.SubscriptionWithSecret;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Partners' webhooks: a partner client registers, lists, rotates and deletes its own, and reads and redelivers its
 * own deliveries; the admin does the same for any partner client. Anyone else's webhook does not exist for a partner (404).
 */
@ApplicationScoped
public class WebhookService {

    private final WebhookStore store;
    private final Caller caller;
    private final Clock clock;
    private final WebhookConfig config;
    private final WebhookUrlRule urls;

    WebhookService(WebhookStore store, Caller caller, Clock clock, WebhookConfig config) {
        this.store = store;
        this.caller = caller;
        this.clock = clock;
        this.config = config;
        this.urls = WebhookSender.rule(config);
    }

    /** Deliveries in retry after a failed attempt, and those that gave up: the operators' gauges (dashboard/OfficeGauges). */
    public record DeliveryHealth(long failing, long failed) {
    }

    @ReadOnlyTransaction
    public DeliveryHealth deliveryHealth() {
        long[] counts = store.countFailingAndFailed();
        return new DeliveryHealth(counts[0], counts[1]);
    }

    @Transactional
    public SubscriptionWithSecret subscribe(SubscriptionCreateRequest r) {
        String clientId;
        String city;
        if (caller.has(Roles.ADMIN)) {
            if (r.clientId() == null || r.clientId().isBlank()) {
                throw new InvalidRequestException("clientId", "管理员须指明订阅所属的合作方客户端");
            }
            clientId = r.clientId().strip();
            city = r.cityCode() == null || r.cityCode().isBlank() ? null : r.cityCode().strip();
        } else {
            clientId = caller.subject();
            city = caller.cityCode().orElseThrow(() -> new ForbiddenException("令牌未标明所属城市"));
            if (r.clientId() != null && !r.clientId().strip().equals(clientId)) {
                throw new ForbiddenException("合作方只能为自己的客户端订阅推送，clientId 不能指向其他客户端");
            }
            if (r.cityCode() != null && !r.cityCode().strip().equals(city)) {
                throw new ForbiddenException("合作方只能为本市订阅推送，cityCode 不能指向其他城市");
            }
        }
        for (int i = 0; i < r.eventTypes().size(); i++) {
            String type = r.eventTypes().get(i);
            if (type == null || EventType.ofWireName(type.strip()).isEmpty()) {
                throw new InvalidRequestException("eventTypes[" + i + "]", "未知的事件类型：" + type);
            }
        }
        urls.refusal(r.url()).ifPresent(why -> {
            throw new InvalidRequestException("url", why);
        });
        String secret = WebhookSignature.newSecret();
        List<String> types = r.eventTypes().stream().map(String::strip).distinct().toList();
        long id = store.insertSubscription(clientId, city, r.url().strip(), types, secret, clock.instant(), caller.subject());
        return new SubscriptionWithSecret(view(requireOwn(id)), secret);
    }

    @ReadOnlyTransaction
    public List<SubscriptionView> subscriptions() {
        return store.subscriptionsOf(caller.has(Roles.ADMIN) ? null : caller.subject()).stream().map(this::view).toList();
    }

    @ReadOnlyTransaction
    public SubscriptionView subscription(long id) {
        return view(requireOwn(id));
    }

    /**
     * A new secret signs from now on; the old one keeps signing alongside it (both signatures in the header) for
     * {@code duban.webhooks.rotation-overlap}, so the receiver can switch without losing a delivery.
     */
    @Transactional
    public SubscriptionWithSecret rotateSecret(long id) {
        WebhookStore.Subscription s = requireOwn(id);
        String secret = WebhookSignature.newSecret();
        store.rotateSecret(id, secret, s.secret(), clock.instant().plus(config.rotationOverlap()));
        return new SubscriptionWithSecret(view(requireOwn(id)), secret);
    }

    /** Stops the webhook: nothing more is sent, pending deliveries are given up; its deliveries stay readable. */
    @Transactional
    public void unsubscribe(long id) {
        WebhookStore.Subscription s = requireOwn(id);
        if (WebhookStore.ACTIVE.equals(s.status())) {
            store.disable(id, "已删除订阅", clock.instant());
        }
    }

    @ReadOnlyTransaction
    public DeliveryPage deliveries(long subscriptionId, PageQuery page) {
        requireOwn(subscriptionId);
        long total = store.countDeliveries(subscriptionId);
        List<WebhookStore.Delivery> rows = store.deliveries(subscriptionId, page.offset(), page.size);
        Map<Long, List<WebhookStore.Attempt>> attempts = store.attemptsOf(rows.stream().map(WebhookStore.Delivery::id).toList());
        List<DeliveryView> items = rows.stream().map(d -> view(d, attempts.getOrDefault(d.id(), List.of()))).toList();
        return new DeliveryPage(items, page.page, page.size, total, (int) ((total + page.size - 1) / page.size));
    }

    /** Sends a delivery again from the start of the schedule, with the same webhook-id; refused while it is still pending. */
    @Transactional
    public DeliveryView redeliver(long deliveryId) {
        WebhookStore.Delivery d = store.delivery(deliveryId).orElseThrow(() -> new NotFoundException("推送记录", deliveryId));
        WebhookStore.Subscription s = requireOwnOr404(d.subscriptionId(), "推送记录", deliveryId);
        if (!WebhookStore.ACTIVE.equals(s.status())) {
            throw new ConflictException("订阅 " + s.id() + " 已停用，不能重新推送");
        }
        if (WebhookStore.PENDING.equals(d.status())) {
            throw new ConflictException("推送记录 " + deliveryId + " 仍在推送中，不能重复提交重新推送");
        }
        store.redeliver(deliveryId, clock.instant());
        WebhookStore.Delivery now = store.delivery(deliveryId).orElseThrow();
        return view(now, store.attemptsOf(List.of(deliveryId)).getOrDefault(deliveryId, List.of()));
    }

    private WebhookStore.Subscription requireOwn(long id) {
        return requireOwnOr404(id, "推送订阅", id);
    }

    private WebhookStore.Subscription requireOwnOr404(long subscriptionId, String what, long shownId) {
        WebhookStore.Subscription s = store.subscription(subscriptionId).orElseThrow(() -> new NotFoundException(what, shownId));
        if (!caller.has(Roles.ADMIN) && !s.clientId().equals(caller.subject())) {
            throw new NotFoundException(what, shownId);
        }
        return s;
    }

    private SubscriptionView view(WebhookStore.Subscription s) {
        Instant until = s.previousSecretUntil() != null && s.previousSecretUntil().isAfter(clock.instant()) ? s.previousSecretUntil() : null;
        return new SubscriptionView(s.id(), s.clientId(), s.cityCode(), s.url(), s.eventTypes(), s.status(), s.disabledReason(),
                WebhookStore.shanghai(until), WebhookStore.shanghai(s.createdAt()));
    }

    private static DeliveryView view(WebhookStore.Delivery d, List<WebhookStore.Attempt> attempts) {
        return new DeliveryView(d.id(), d.subscriptionId(), d.eventId(), d.eventType(), d.status(),
                WebhookStore.PENDING.equals(d.status()) ? WebhookStore.shanghai(d.nextAttemptAt()) : null,
                attempts.stream().map(a -> new AttemptView(WebhookStore.shanghai(a.at()), a.statusCode(), a.latencyMs(), a.error())).toList());
    }
}
