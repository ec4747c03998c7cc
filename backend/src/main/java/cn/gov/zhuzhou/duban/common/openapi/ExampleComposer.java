package cn.gov.zhuzhou.duban.common.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Composes a whole example value for a schema from the examples its fields carry, so every request and response
 * of the contract has an example without writing one by hand per operation.
 */
final class ExampleComposer {

    private final Map<String, Schema> components;
    /** Schemas being composed right now: a self-referencing schema (a task tree) stops at its first repeat. */
    private final java.util.Set<String> inProgress = new java.util.HashSet<>();

    ExampleComposer(Map<String, Schema> components) {
        this.components = components == null ? Map.of() : components;
    }

    /** An example for {@code schema}; read-only fields are left out of request examples. */
    Object compose(Schema schema, boolean forRequest) {
        inProgress.clear();
        return composeValue(schema, forRequest);
    }

    private Object composeValue(Schema schema, boolean forRequest) {
        if (schema == null) {
            return null;
        }
        if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
            return schema.getExamples().get(0);
        }
        if (schema.getRef() != null) {
            String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
            if (!inProgress.add(name)) {
                return null;
            }
            Object resolved = composeValue(components.get(name), forRequest);
            inProgress.remove(name);
            if (resolved != null) {
                return resolved;
            }
        }
        if (schema.getOneOf() != null && !schema.getOneOf().isEmpty()) {
            // A value typed by a discriminator (a publication's figures): the first alternative is an example of it.
            return composeValue(schema.getOneOf().get(0), forRequest);
        }
        if (schema.getEnumeration() != null && !schema.getEnumeration().isEmpty()) {
            return schema.getEnumeration().get(0);
        }
        if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
            Map<String, Object> object = new LinkedHashMap<>();
            schema.getProperties().forEach((name, property) -> {
                if (forRequest && Boolean.TRUE.equals(property.getReadOnly())) {
                    return;
                }
                Object value = composeValue(property, forRequest);
                if (value != null) {
                    object.put(name, value);
                }
            });
            return object;
        }
        if (schema.getItems() != null) {
            Object item = composeValue(schema.getItems(), forRequest);
            return item == null ? List.of() : List.of(item);
        }
        return null;
    }
}
