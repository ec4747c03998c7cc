package cn.gov.zhuzhou.duban.common.openapi;

import cn.gov.zhuzhou.duban.common.error.Problem;
import cn.gov.zhuzhou.duban.common.error.ProblemKind;
import cn.gov.zhuzhou.duban.common.error.ProblemResponses;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes every operation of the contract in one place: a composed example on each JSON request and success
 * response, and the error responses, from the same rules the mappers follow: every
 * operation with input can answer 400 (bad parameters), every one 503 (database away, or overloaded: two examples); a secured one
 * 401 and 403; one with a path id,
 * 404; one with a body, 409 and 415. Each points at the shared Problem schema with an example.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        describeProblemTypes(openAPI);
        ExampleComposer examples = new ExampleComposer(openAPI.getComponents() == null ? null : openAPI.getComponents().getSchemas());
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, op) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            addExamples(op, examples);
            leaveFiltersEmpty(op);
            describeAccess(op);
            documentLocation(op);
            boolean hasId = path.contains("{");
            boolean hasBody = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT;
            boolean hasInput = hasBody || (op.getParameters() != null && !op.getParameters().isEmpty())
                    || (item.getParameters() != null && !item.getParameters().isEmpty());
            if (hasInput) {
                add(op, "400", ProblemResponses.BAD_REQUEST, ProblemResponses.EXAMPLE_VALIDATION);
            }
            if (hasId) {
                add(op, "404", ProblemResponses.NOT_FOUND, ProblemResponses.EXAMPLE_NOT_FOUND);
            }
            if (hasBody || method == PathItem.HttpMethod.DELETE) {
                add(op, "409", ProblemResponses.CONFLICT, ProblemResponses.EXAMPLE_CONFLICT);
            }
            if (hasBody) {
                add(op, "415", ProblemResponses.UNSUPPORTED, ProblemResponses.EXAMPLE_UNSUPPORTED);
            }
            add(op, "503", ProblemResponses.UNAVAILABLE, ProblemResponses.EXAMPLE_UNAVAILABLE, ProblemResponses.EXAMPLE_OVERLOADED);
            if (op.getSecurity() != null && !op.getSecurity().isEmpty()) {
                add(op, "401", ProblemResponses.UNAUTHORIZED, ProblemResponses.EXAMPLE_UNAUTHORIZED);
                add(op, "403", ProblemResponses.FORBIDDEN, ProblemResponses.EXAMPLE_FORBIDDEN);
            }
            RetrySemanticsDocs.document(op, method, openAPI.getComponents() == null ? null : openAPI.getComponents().getSchemas());
        }));
    }

    /** The Problem schema's {@code type} lists the whole catalogue (ProblemKind): each type with its status and title. */
    private static void describeProblemTypes(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        var problem = openAPI.getComponents().getSchemas().get("Problem");
        if (problem == null || problem.getProperties() == null || problem.getProperties().get("type") == null) {
            return;
        }
        StringBuilder types = new StringBuilder("Stable URI that identifies the kind of problem, one of (status, title): ");
        for (ProblemKind kind : ProblemKind.values()) {
            types.append(kind == ProblemKind.values()[0] ? "" : "; ").append(kind.type()).append(" (").append(kind.status().getStatusCode())
                    .append(", ").append(kind.title()).append(')');
        }
        problem.getProperties().get("type").setDescription(types.append('.').toString());
    }

    /**
     * The OIDC scheme takes scopes, not roles: the requirement names no scopes, and the roles that may call the
     * operation go into its description and the {@code x-duban-roles} extension, for people and for tools.
     */
    private static void describeAccess(Operation op) {
        if (op.getSecurity() == null || op.getSecurity().isEmpty()) {
            return;
        }
        java.util.List<String> roles = new java.util.ArrayList<>();
        java.util.List<org.eclipse.microprofile.openapi.models.security.SecurityRequirement> requirements = new java.util.ArrayList<>();
        for (var requirement : op.getSecurity()) {
            var plain = OASFactory.createSecurityRequirement();
            requirement.getSchemes().forEach((scheme, scopes) -> {
                roles.addAll(scopes);
                plain.addScheme(scheme, java.util.List.of());
            });
            requirements.add(plain);
        }
        op.setSecurity(requirements);
        if (!roles.isEmpty()) {
            op.addExtension("x-duban-roles", roles);
            String access = "Roles allowed: " + String.join(", ", roles) + ".";
            op.setDescription(op.getDescription() == null ? op.getSummary() + ". " + access : op.getDescription() + " " + access);
        }
    }

    /**
     * Swagger UI's "Try it out" pre-fills every parameter with its example, so an optional filter's example would
     * silently filter the seeded plan away (the first call returns an empty page): optional query parameters carry no
     * example. Paging's {@code page} and {@code size} keep theirs, their defaults, which filter nothing.
     */
    private static void leaveFiltersEmpty(Operation op) {
        if (op.getParameters() == null) {
            return;
        }
        op.getParameters().stream()
                .filter(p -> p.getIn() == org.eclipse.microprofile.openapi.models.parameters.Parameter.In.QUERY)
                .filter(p -> !Boolean.TRUE.equals(p.getRequired()) && !PAGING.contains(p.getName()))
                .forEach(p -> {
                    p.setExample(null);
                    p.setExamples(null);
                });
    }

    private static final java.util.Set<String> PAGING = java.util.Set.of("page", "size");

    /** A 201 names the new resource in Location. */
    private static void documentLocation(Operation op) {
        if (op.getResponses() != null && op.getResponses().getAPIResponse("201") != null) {
            op.getResponses().getAPIResponse("201").addHeader("Location", OASFactory.createHeader()
                    .description("URL of the created resource.")
                    .schema(OASFactory.createSchema().addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.STRING)));
        }
    }

    /** Gives every JSON request body and success response a whole example, composed from its fields' examples. */
    private static void addExamples(Operation op, ExampleComposer examples) {
        if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
            op.getRequestBody().getContent().getMediaTypes().forEach((type, media) -> example(media, examples, true));
        }
        if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
            op.getResponses().getAPIResponses().forEach((status, response) -> {
                if (status.startsWith("2") && response.getContent() != null) {
                    response.getContent().getMediaTypes().forEach((type, media) -> example(media, examples, false));
                }
            });
        }
    }

    private static void example(org.eclipse.microprofile.openapi.models.media.MediaType media, ExampleComposer examples,
            boolean forRequest) {
        if (media.getSchema() == null || (media.getExamples() != null && !media.getExamples().isEmpty()) || media.getExample() != null) {
            return;
        }
        Object value = examples.compose(media.getSchema(), forRequest);
        if (value != null) {
            media.setExamples(Map.of("example", OASFactory.createExample().value(value)));
        }
    }

    /** Adds an error response; its first example is named "problem" (the one fixtures take), the others by their type. */
    static void add(Operation op, String status, String description, Problem example, Problem... more) {
        APIResponses responses = op.getResponses() == null ? OASFactory.createAPIResponses() : op.getResponses();
        APIResponse existing = responses.getAPIResponse(status);
        if (existing != null && existing.getContent() != null) {
            return;
        }
        Map<String, org.eclipse.microprofile.openapi.models.examples.Example> examples = new java.util.LinkedHashMap<>();
        examples.put("problem", OASFactory.createExample().value(asMap(example)));
        for (Problem other : more) {
            examples.put(other.type().substring(other.type().lastIndexOf('/') + 1), OASFactory.createExample().value(asMap(other)));
        }
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM_REF))
                .examples(examples));
        APIResponse response = OASFactory.createAPIResponse().description(description)
                .content(content);
        if ("503".equals(status)) {
            response.addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait before retrying.")
                    .schema(OASFactory.createSchema().addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.INTEGER)));
        }
        op.setResponses(responses.addAPIResponse(status, response));
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The example as the answer's JSON has it (Problem's own Jackson rules: no null members), in its members' order. */
    private static Map<?, ?> asMap(Problem problem) {
        return JSON.convertValue(problem, Map.class);
    }
}
