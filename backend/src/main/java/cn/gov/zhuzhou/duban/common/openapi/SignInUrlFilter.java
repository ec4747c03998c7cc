package cn.gov.zhuzhou.duban.common.openapi;

import cn.gov.zhuzhou.duban.common.config.DubanConfig;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.smallrye.config.SmallRyeConfig;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Points the contract's sign-in (the OpenID Connect discovery URL of the security scheme, which Swagger UI follows to
 * find Keycloak) at the installation's own Keycloak each time /q/openapi is served: {@code duban.openapi.oidc-issuer}
 * ({@link DubanConfig.OpenApi#oidcIssuer()}), by
 * default the issuer the tokens carry (Keycloak's public address) or else the server the service asks. The document
 * built at package time names a neutral placeholder (quarkus.smallrye-openapi.oidc-open-id-connect-url), never a
 * developer's loopback Keycloak; without a configured issuer (the contract test) it is left as it is.
 *
 * <p>Per request rather than at start (issue 11, start to ready): with a start-up filter, or none, Quarkus serialises
 * the whole document to JSON and to YAML on the main thread at every start, although it is asked for only by Swagger UI
 * and {@code make openapi}. A per-request filter makes Quarkus keep the parsed build-time document and serialise it,
 * in the one format asked for, when it is asked for (deploy/bench-notes/runtime.md §6). The filter only sets a value,
 * so running it again on the same model changes nothing.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_PER_REQUEST)
public class SignInUrlFilter implements OASFilter {

    static final String ISSUER_KEY = "duban.openapi.oidc-issuer";
    static final String DISCOVERY_PATH = "/.well-known/openid-configuration";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Optional<String> issuer = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(DubanConfig.class)
                .openapi().oidcIssuer().map(String::strip).filter(s -> !s.isEmpty());
        if (issuer.isEmpty() || openAPI.getComponents() == null || openAPI.getComponents().getSecuritySchemes() == null) {
            return;
        }
        String url = discoveryUrl(issuer.get());
        openAPI.getComponents().getSecuritySchemes().values().stream()
                .filter(scheme -> scheme.getType() == SecurityScheme.Type.OPENIDCONNECT)
                .forEach(scheme -> scheme.setOpenIdConnectUrl(url));
    }

    /** The discovery document of an issuer: the issuer without a trailing slash, then the well-known path. */
    static String discoveryUrl(String issuer) {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        return base.endsWith(DISCOVERY_PATH) ? base : base + DISCOVERY_PATH;
    }
}
