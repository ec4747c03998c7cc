package cn.gov.zhuzhou.duban.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a live answer against the contract the service serves (equal to openapi/openapi.yaml, see
 * OpenApiContractTest): the status is documented, and the body has the documented types, every required property,
 * only documented properties, only documented enum values, and no null where none is allowed. The SPA's generated
 * types promise exactly this.
 */
public final class ContractConformance {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonNode doc;
    private final Map<String, JsonNode> operations = new HashMap<>();

    private ContractConformance(JsonNode doc) {
        this.doc = doc;
        doc.path("paths").forEach(path -> path.forEach(op -> {
            if (op.has("operationId")) {
                operations.put(op.get("operationId").asText(), op);
            }
        }));
    }

    public static ContractConformance load() {
        try {
            return new ContractConformance(JSON.readTree(Api.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                    .extract().asString()));
        } catch (IOException e) {
            throw new IllegalStateException("the served contract is not JSON", e);
        }
    }

    /** What in this answer of {@code operationId} the contract does not promise; empty when it conforms. */
    public List<String> issues(String operationId, Response response) {
        List<String> out = new ArrayList<>();
        JsonNode op = operations.get(operationId);
        if (op == null) {
            return List.of(operationId + ": not in the contract");
        }
        JsonNode documented = op.path("responses").path(String.valueOf(response.statusCode()));
        if (documented.isMissingNode()) {
            return List.of(operationId + ": status " + response.statusCode() + " is not documented");
        }
        String body = response.asString();
        if (body == null || body.isEmpty()) {
            return out;
        }
        String mediaType = response.contentType() == null ? "" : response.contentType().split(";")[0].trim();
        JsonNode schema = documented.path("content").path(mediaType).path("schema");
        if (schema.isMissingNode()) {
            return List.of(operationId + " " + response.statusCode() + ": a " + mediaType + " body the contract does not document");
        }
        if (!mediaType.endsWith("json")) {
            return out; // a document download (PDF, XLSX, CSV): its media type is documented, its bytes have no schema
        }
        try {
            check(schema, JSON.readTree(body), operationId + " " + response.statusCode() + " $", out);
        } catch (IOException e) {
            out.add(operationId + ": body is not JSON");
        }
        return out;
    }

    private void check(JsonNode schema, JsonNode value, String at, List<String> out) {
        ObjectNode s = flatten(schema);
        Set<String> types = types(s);
        if (value.isNull()) {
            if (!types.isEmpty() && !types.contains("null")) {
                out.add(at + ": null, but the contract says " + types);
            }
            return;
        }
        if (s.has("enum")) {
            boolean known = false;
            for (JsonNode allowed : s.get("enum")) {
                known |= allowed.equals(value);
            }
            if (!known) {
                out.add(at + ": " + value + " is not one of " + s.get("enum"));
            }
        }
        if (value.isObject()) {
            if (!types.isEmpty() && !types.contains("object")) {
                out.add(at + ": an object, but the contract says " + types);
                return;
            }
            JsonNode properties = s.path("properties");
            for (JsonNode required : s.path("required")) {
                if (!value.has(required.asText())) {
                    out.add(at + "." + required.asText() + ": required, but missing");
                }
            }
            boolean open = s.path("additionalProperties").isBoolean() && s.get("additionalProperties").asBoolean();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                if (properties.has(field.getKey())) {
                    check(properties.get(field.getKey()), field.getValue(), at + "." + field.getKey(), out);
                } else if (s.has("additionalProperties") && s.get("additionalProperties").isObject()) {
                    check(s.get("additionalProperties"), field.getValue(), at + "." + field.getKey(), out);
                } else if (!open && properties.size() > 0) {
                    out.add(at + "." + field.getKey() + ": not in the contract");
                }
            }
        } else if (value.isArray()) {
            if (!types.isEmpty() && !types.contains("array")) {
                out.add(at + ": an array, but the contract says " + types);
                return;
            }
            int i = 0;
            for (JsonNode item : value) {
                if (s.has("items")) {
                    check(s.get("items"), item, at + "[" + i + "]", out);
                }
                i++;
            }
        } else if (!types.isEmpty()) {
            String actual = value.isTextual() ? "string" : value.isIntegralNumber() ? "integer" : value.isNumber() ? "number"
                    : value.isBoolean() ? "boolean" : value.getNodeType().name();
            boolean fits = types.contains(actual) || ("integer".equals(actual) && types.contains("number"));
            if (!fits) {
                out.add(at + ": a " + actual + " (" + value + "), but the contract says " + types);
            }
        }
    }

    /** The schema with its $ref resolved and its allOf merged into one (properties, required, type, enum). */
    private ObjectNode flatten(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        merged.setAll((ObjectNode) resolved.deepCopy());
        if (resolved.has("$ref") && !schema.equals(resolved)) {
            merged.remove("$ref");
        }
        if (resolved.has("allOf")) {
            merged.remove("allOf");
            ObjectNode properties = merged.has("properties") ? (ObjectNode) merged.get("properties") : merged.putObject("properties");
            Set<String> required = new LinkedHashSet<>();
            merged.path("required").forEach(r -> required.add(r.asText()));
            for (JsonNode part : resolved.get("allOf")) {
                ObjectNode p = flatten(part);
                if (p.has("properties")) {
                    properties.setAll((ObjectNode) p.get("properties"));
                }
                p.path("required").forEach(r -> required.add(r.asText()));
                for (String key : List.of("type", "enum", "items", "additionalProperties")) {
                    if (p.has(key) && !merged.has(key)) {
                        merged.set(key, p.get(key));
                    }
                }
            }
            ArrayNode req = merged.putArray("required");
            required.forEach(req::add);
            if (properties.isEmpty()) {
                merged.remove("properties");
            }
        }
        return merged;
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int hops = 0; s.has("$ref") && hops < 10; hops++) {
            String ref = s.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalStateException("external $ref " + ref);
            }
            s = doc.at(ref.substring(1));
        }
        return s;
    }

    private static Set<String> types(JsonNode s) {
        Set<String> types = new LinkedHashSet<>();
        JsonNode type = s.path("type");
        if (type.isTextual()) {
            types.add(type.asText());
        } else if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        }
        if (s.path("nullable").asBoolean(false)) {
            types.add("null");
        }
        return types;
    }
}
