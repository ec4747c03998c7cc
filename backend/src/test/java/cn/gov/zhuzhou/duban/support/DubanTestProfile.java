package cn.gov.zhuzhou.duban.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the database resource once for the whole run: one schema, one application start. */
@QuarkusTestResource(value = DatabaseTestResource.class, restrictToAnnotatedClass = false)
public final class DubanTestProfile {
    private DubanTestProfile() {
    }
}
