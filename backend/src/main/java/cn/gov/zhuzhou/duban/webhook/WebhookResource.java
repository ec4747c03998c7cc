package cn.gov.zhuzhou.duban.webhook;

import cn.gov.zhuzhou.duban.common.paging.PageQuery;
import cn.gov.zhuzhou.duban.common.security.Roles;
import cn.gov.zhuzhou.duban.webhook.WebhookViews.DeliveryPage;
import cn.gov.zhuzhou.duban.webhook.WebhookViews.DeliveryView;
import cn.gov.zhuzhou.duban.webhook.WebhookViews.SubscriptionCreateRequest;
import cn.gov.zhuzhou.duban.webhook.WebhookViews.SubscriptionList;
import cn.gov.zhuzhou.duban.webhook.WebhookViews.SubscriptionView;
import cn.gov.zhuzhou.duban.webhook.WebhookViews.SubscriptionWithSecret;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PARTNER, Roles.ADMIN})
@Tag(name = "Webhooks", description = "A partner's webhooks (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature) and their deliveries; "
        + "a partner manages its own, the admin any partner's.")
public class WebhookResource {

    private final WebhookService webhooks;

    WebhookResource(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @POST
    @Path("/webhook-subscriptions")
    @Operation(operationId = "createWebhookSubscription", summary = "Register a webhook (its signing secret is shown in this answer only)")
    @APIResponse(responseCode = "201", description = "Registered; keep the secret.", content = @Content(schema = @Schema(implementation = SubscriptionWithSecret.class)))
    public Response createWebhookSubscription(@Valid @NotNull SubscriptionCreateRequest request) {
        SubscriptionWithSecret created = webhooks.subscribe(request);
        return Response.created(URI.create("/api/v1/webhook-subscriptions/" + created.subscription().id())).entity(created).build();
    }

    @GET
    @Path("/webhook-subscriptions")
    @Operation(operationId = "listWebhookSubscriptions", summary = "The caller's webhooks (the admin: every partner's)")
    @APIResponse(responseCode = "200", description = "The webhooks.", content = @Content(schema = @Schema(implementation = SubscriptionList.class)))
    public SubscriptionList listWebhookSubscriptions() {
        return new SubscriptionList(webhooks.subscriptions());
    }

    @GET
    @Path("/webhook-subscriptions/{id}")
    @Operation(operationId = "getWebhookSubscription", summary = "One webhook (without its secret)")
    @APIResponse(responseCode = "200", description = "The webhook.", content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    public SubscriptionView getWebhookSubscription(@Parameter(description = "Webhook id.", example = "7") @PathParam("id") long id) {
        return webhooks.subscription(id);
    }

    @DELETE
    @Path("/webhook-subscriptions/{id}")
    @Operation(operationId = "deleteWebhookSubscription", summary = "Stop a webhook (its deliveries stay readable)")
    @APIResponse(responseCode = "204", description = "Stopped.")
    public void deleteWebhookSubscription(@Parameter(description = "Webhook id.", example = "7") @PathParam("id") long id) {
        webhooks.unsubscribe(id);
    }

    @POST
    @Path("/webhook-subscriptions/{id}/secret-rotations")
    @Operation(operationId = "rotateWebhookSecret", summary = "Rotate a webhook's secret (the old one keeps signing alongside for the overlap period)")
    @APIResponse(responseCode = "200", description = "The new secret, shown this once.", content = @Content(schema = @Schema(implementation = SubscriptionWithSecret.class)))
    public SubscriptionWithSecret rotateWebhookSecret(@Parameter(description = "Webhook id.", example = "7") @PathParam("id") long id) {
        return webhooks.rotateSecret(id);
    }

    @GET
    @Path("/webhook-subscriptions/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "A webhook's deliveries with every attempt, newest first")
    @APIResponse(responseCode = "200", description = "A page of deliveries.", content = @Content(schema = @Schema(implementation = DeliveryPage.class)))
    public DeliveryPage listWebhookDeliveries(@Parameter(description = "Webhook id.", example = "7") @PathParam("id") long id, @Valid @BeanParam PageQuery page) {
        return webhooks.deliveries(id, page);
    }

    @POST
    @Path("/webhook-deliveries/{id}/redeliveries")
    @Operation(operationId = "redeliverWebhook", summary = "Send a delivery again (same webhook-id, schedule from the start)")
    @APIResponse(responseCode = "202", description = "Queued; the dispatcher sends it within seconds.", content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    public Response redeliverWebhook(@Parameter(description = "Delivery id.", example = "311") @PathParam("id") long id) {
        return Response.accepted(webhooks.redeliver(id)).build();
    }
}
