package cn.gov.zhuzhou.duban.webhook;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/** Documents what Duban sends to a partner's webhook (OpenAPI 3.1 {@code webhooks}): the headers, the body, the answers it understands. */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class WebhookContract implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        var post = OASFactory.createOperation()
                .operationId("receiveDomainEvent")
                .summary("A domain event, POSTed to a partner's registered URL (Standard Webhooks)")
                .description("Sent for each event the partner may read and subscribed to. Verify webhook-signature before trusting the body: "
                        + "v1, + base64 HMAC-SHA256 over webhook-id + '.' + webhook-timestamp + '.' + the raw body, keyed with the base64-decoded "
                        + "part of the secret after whsec_; during a rotation several space-separated signatures, one valid is enough. "
                        + "Not answered with 2xx, it is sent again after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h with the same webhook-id, "
                        + "then marked FAILED; 429 with Retry-After is honoured; 410 disables the webhook. Redirects are not followed.")
                .addTag("Webhooks")
                .addParameter(header("webhook-id", "The event's id, the same on every attempt: drop duplicates by it.", "3f1c2a4e-8b7d-4c1e-9a55-0d2b6f7e9c10"))
                .addParameter(header("webhook-timestamp", "When this attempt was signed, in seconds since the epoch: refuse one far from your clock.", "1762136130"))
                .addParameter(header("webhook-signature", "One or more space-separated v1,<base64> signatures.", "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4="))
                .requestBody(OASFactory.createRequestBody().required(true).content(OASFactory.createContent().addMediaType("application/json",
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref("#/components/schemas/DomainEvent")))))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("2XX", OASFactory.createAPIResponse().description("Accepted (within 10 seconds; do the work afterwards)."))
                        .addAPIResponse("410", OASFactory.createAPIResponse().description("Gone: Duban disables the webhook and sends nothing more."))
                        .addAPIResponse("429", OASFactory.createAPIResponse().description("Too many requests: sent again after Retry-After (seconds or an HTTP date, at most 10 h)."))
                        .addAPIResponse("default", OASFactory.createAPIResponse().description("Any other answer, a timeout or a refused connection: sent again on the schedule.")));
        openAPI.addWebhook("domainEvent", OASFactory.createPathItem().POST(post));
    }

    private static Parameter header(String name, String description, String example) {
        return OASFactory.createParameter().name(name).in(Parameter.In.HEADER).required(true).description(description).example(example)
                .schema(OASFactory.createSchema().addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.STRING));
    }
}
