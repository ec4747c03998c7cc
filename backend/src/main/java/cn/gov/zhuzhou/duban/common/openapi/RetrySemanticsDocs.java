package cn.gov.zhuzhou.duban.common.openapi;

import cn.gov.zhuzhou.duban.common.error.ProblemResponses;
import cn.gov.zhuzhou.duban.common.http.IdempotencyFilter;
import cn.gov.zhuzhou.duban.common.http.IdempotencyKey;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents the safe-retry rules of common/http on every operation they apply to, from the same rules the filters
 * follow: Idempotency-Key (and 422) on every POST; If-Match (required; 412, 428) on every PUT and PATCH; ETag on the
 * answers that carry one resource's view, and If-None-Match with 304 on reading one; 429 with Retry-After everywhere.
 */
final class RetrySemanticsDocs {

    private static final String TAG_EXAMPLE = "\"4-5f2c9a1e07b3d846\"";

    private RetrySemanticsDocs() {
    }

    static void document(Operation op, PathItem.HttpMethod method, Map<String, Schema> schemas) {
        if (method == PathItem.HttpMethod.POST) {
            op.addParameter(header(IdempotencyKey.HEADER, false, """
                    Makes a retry safe (IETF httpapi Idempotency-Key draft): a Structured Field string of 1-255 printable ASCII \
                    characters, a new UUID for each new request. A retry with the same key and the same request (method, path, \
                    body byte for byte) within 24 hours gets the first answer again (status, Location, ETag, body; header \
                    Idempotent-Replayed: true) and changes nothing; the same key with another request is 422; while the first \
                    is still being served, 409. Keys belong to the calling client. Only successful and final 4xx answers are \
                    kept: after a 5xx, a 409 or a 429 the key is free and the request may be retried with it.""",
                    "\"8e03978e-40d5-43e8-bc93-6894a57f9324\""));
            ProblemResponsesFilter.add(op, "422", ProblemResponses.KEY_REUSED, ProblemResponses.EXAMPLE_KEY_REUSED);
            APIResponse conflict = op.getResponses().getAPIResponse("409");
            if (conflict != null && ProblemResponses.CONFLICT.equals(conflict.getDescription())) {
                conflict.setDescription(ProblemResponses.CONFLICT_POST);
            }
            op.getResponses().getAPIResponses().forEach((status, response) -> {
                if (status.startsWith("2")) {
                    response.addHeader(IdempotencyFilter.REPLAYED, OASFactory.createHeader()
                            .description("true when this is the kept answer to an earlier request with the same Idempotency-Key.")
                            .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
                }
            });
        }
        boolean edit = method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH;
        if (edit) {
            op.addParameter(header("If-Match", true, """
                    The ETag read with the resource (GET, or the answer to the last edit). Compared on the version (the number \
                    before the hyphen): another version is 412 with the current tag; without If-Match, 428. It replaces the \
                    deprecated version field of the body, which is not looked at when If-Match is sent.""", TAG_EXAMPLE));
            ProblemResponsesFilter.add(op, "412", ProblemResponses.PRECONDITION_FAILED, ProblemResponses.EXAMPLE_PRECONDITION_FAILED);
            ProblemResponsesFilter.add(op, "428", ProblemResponses.PRECONDITION_REQUIRED, ProblemResponses.EXAMPLE_PRECONDITION_REQUIRED);
            APIResponse failed = op.getResponses().getAPIResponse("412");
            failed.addHeader("ETag", etagHeader("The current version's tag, to send as If-Match after reading the resource again."));
        }
        APIResponse ok = op.getResponses() == null ? null : op.getResponses().getAPIResponse(method == PathItem.HttpMethod.POST ? "201" : "200");
        if (ok != null && carriesVersionedView(ok, schemas)) {
            ok.addHeader("ETag", etagHeader("Strong entity tag of this resource: its version, then a digest of the representation."));
            if (method == PathItem.HttpMethod.GET) {
                op.addParameter(header("If-None-Match", false,
                        "An ETag read before: when the resource is unchanged the answer is 304 without a body.", TAG_EXAMPLE));
                op.getResponses().addAPIResponse("304", OASFactory.createAPIResponse()
                        .description("Not modified: the ETag sent in If-None-Match is current.")
                        .addHeader("ETag", etagHeader("The current tag (the one sent).")));
            }
        }
        if (op.getSecurity() != null && !op.getSecurity().isEmpty()) {
            ProblemResponsesFilter.add(op, "429", ProblemResponses.TOO_MANY, ProblemResponses.EXAMPLE_TOO_MANY);
            op.getResponses().getAPIResponse("429").addHeader("Retry-After", OASFactory.createHeader()
                    .description("Seconds to wait before the next request.")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
        }
    }

    private static boolean carriesVersionedView(APIResponse response, Map<String, Schema> schemas) {
        if (response.getContent() == null || response.getContent().getMediaType("application/json") == null || schemas == null) {
            return false;
        }
        Schema schema = response.getContent().getMediaType("application/json").getSchema();
        if (schema == null || schema.getRef() == null) {
            return false;
        }
        Schema target = schemas.get(schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1));
        return target != null && target.getProperties() != null && target.getProperties().containsKey("version");
    }

    private static Parameter header(String name, boolean required, String description, String example) {
        return OASFactory.createParameter().name(name).in(Parameter.In.HEADER).required(required).description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(IdempotencyKey.MAX_LENGTH + 2))
                .example(example);
    }

    private static org.eclipse.microprofile.openapi.models.headers.Header etagHeader(String description) {
        return OASFactory.createHeader().description(description).schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }
}
