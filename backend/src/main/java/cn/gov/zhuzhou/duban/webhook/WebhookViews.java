package cn.gov.zhuzhou.duban.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The webhook API's requests and views. */
public final class WebhookViews {

    private WebhookViews() {
    }

    @Schema(name = "WebhookSubscriptionCreateRequest", requiredProperties = {"url", "eventTypes"},
            description = "A webhook to register. A partner registers its own (clientId and cityCode come from its token); the admin names the partner client.")
    public record SubscriptionCreateRequest(
            @NotBlank(message = "须填写接收地址") @Size(max = 2000, message = "接收地址不能超过 2000 个字符")
            @Schema(example = "https://duban-hook.changsha.example.cn/webhooks/duban", description = "Where to POST the events: https, a public host.") String url,
            @NotEmpty(message = "须至少订阅一种事件") @Size(max = 20, message = "事件类型不能超过 20 种")
            @Schema(example = "[\"task.progress-changed\"]", description = "The event types to receive (see DomainEvent.type).") List<String> eventTypes,
            @Size(max = 190, message = "客户端标识不能超过 190 个字符")
            @Schema(example = "service-account-duban-partner-cs", description = "Admin only: the partner client the webhook belongs to.") String clientId,
            @Size(max = 8, message = "城市代码不能超过 8 个字符")
            @Schema(example = "CS", description = "Admin only: the partner client's city code.") String cityCode) {
    }

    @Schema(name = "WebhookSubscription", requiredProperties = {"id", "clientId", "url", "eventTypes", "status", "createdAt"},
            description = "A registered webhook (its secret is shown only when it is created or rotated).")
    public record SubscriptionView(
            @Schema(example = "7", readOnly = true) long id,
            @Schema(example = "service-account-duban-partner-cs", readOnly = true) String clientId,
            @Schema(example = "CS", readOnly = true) String cityCode,
            @Schema(example = "https://duban-hook.changsha.example.cn/webhooks/duban") String url,
            @Schema(example = "[\"task.progress-changed\"]") List<String> eventTypes,
            @Schema(example = "ACTIVE", enumeration = {"ACTIVE", "DISABLED"}, description = "DISABLED after the receiver answered 410 Gone, or after deletion.", readOnly = true) String status,
            @Schema(example = "接收方返回 410 Gone", description = "Why it is disabled.", readOnly = true) String disabledReason,
            @Schema(example = "2026-11-03T18:00:00+08:00", description = "Until when the previous secret still signs alongside the current one (during a rotation).", readOnly = true)
            OffsetDateTime previousSecretValidUntil,
            @Schema(example = "2026-11-02T18:00:00+08:00", readOnly = true) OffsetDateTime createdAt) {
    }

    @Schema(name = "WebhookSecret", requiredProperties = {"subscription", "secret"},
            description = "A webhook with its signing secret: shown this once, keep it safe.")
    public record SubscriptionWithSecret(SubscriptionView subscription,
            @Schema(example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", description = "The signing secret (Standard Webhooks format).", readOnly = true) String secret) {
    }

    @Schema(name = "WebhookAttempt", requiredProperties = {"attemptedAt", "latencyMs"},
            description = "One attempt to deliver: the receiver's status (never its body), how long it took, or what went wrong.")
    public record AttemptView(
            @Schema(example = "2026-11-02T18:00:05+08:00") OffsetDateTime attemptedAt,
            @Schema(example = "503", description = "The receiver's HTTP status; absent when there was no answer.") Integer statusCode,
            @Schema(example = "120") long latencyMs,
            @Schema(example = "超时：10 秒内未收到应答") String error) {
    }

    @Schema(name = "WebhookDelivery", requiredProperties = {"id", "subscriptionId", "eventId", "eventType", "status", "attempts"},
            description = "One event sent (or being sent) to one webhook, with its attempts.")
    public record DeliveryView(
            @Schema(example = "311", readOnly = true) long id,
            @Schema(example = "7") long subscriptionId,
            @Schema(example = "3f1c2a4e-8b7d-4c1e-9a55-0d2b6f7e9c10", description = "The event's id: the webhook-id header of every attempt.") String eventId,
            @Schema(example = "task.progress-changed") String eventType,
            @Schema(example = "PENDING", enumeration = {"PENDING", "SUCCEEDED", "FAILED"}) String status,
            @Schema(example = "2026-11-02T18:05:05+08:00", description = "When the next attempt is due (PENDING only).") OffsetDateTime nextAttemptAt,
            List<AttemptView> attempts) {
    }

    @Schema(name = "WebhookSubscriptionList", requiredProperties = {"items"}, description = "The caller's webhooks (the admin: every partner's).")
    public record SubscriptionList(List<SubscriptionView> items) {
    }

    @Schema(name = "WebhookDeliveryPage", requiredProperties = {"items", "page", "size", "totalItems", "totalPages"}, description = "A page of deliveries, newest first.")
    public record DeliveryPage(List<DeliveryView> items, @Schema(example = "1") int page, @Schema(example = "20") int size,
            @Schema(example = "26") long totalItems, @Schema(example = "2") int totalPages) {
    }
}
