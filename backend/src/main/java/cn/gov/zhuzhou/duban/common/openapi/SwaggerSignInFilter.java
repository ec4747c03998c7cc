package cn.gov.zhuzhou.duban.common.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Points Swagger UI's Authorize at the Keycloak the service really trusts. The OpenAPI document is built at build
 * time, so its {@code openIdConnectUrl} would otherwise stay the build's default (the local realm on port 8180) in
 * every deployment; at start-up this sets it from {@code duban.swagger-ui.oidc-issuer} ({@code DUBAN_OIDC_ISSUER}).
 * The committed contract is generated without that variable, so it keeps the local default.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class SwaggerSignInFilter implements OASFilter {

    static final String SCHEME = "keycloak";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Optional<String> issuer = ConfigProvider.getConfig().getOptionalValue("duban.swagger-ui.oidc-issuer", String.class);
        if (issuer.isEmpty() || openAPI.getComponents() == null || openAPI.getComponents().getSecuritySchemes() == null) {
            return;
        }
        SecurityScheme scheme = openAPI.getComponents().getSecuritySchemes().get(SCHEME);
        if (scheme != null && scheme.getType() == SecurityScheme.Type.OPENIDCONNECT) {
            scheme.setOpenIdConnectUrl(discoveryUrl(issuer.get()));
        }
    }

    /** The OpenID discovery document of an issuer URL (with or without a trailing slash). */
    static String discoveryUrl(String issuer) {
        return issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration";
    }
}
