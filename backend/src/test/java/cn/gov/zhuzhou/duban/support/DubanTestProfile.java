package cn.gov.zhuzhou.duban.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the database and the OIDC test server once for the whole run: one schema, one application start. */
@QuarkusTestResource(value = DatabaseTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = io.quarkus.test.oidc.server.OidcWiremockTestResource.class, restrictToAnnotatedClass = false)
public final class DubanTestProfile {
    private DubanTestProfile() {
    }
}
