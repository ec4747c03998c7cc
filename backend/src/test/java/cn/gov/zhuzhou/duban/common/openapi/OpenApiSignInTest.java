package cn.gov.zhuzhou.duban.common.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * An installation's contract and Swagger UI send browsers to that installation's Keycloak, never to a developer's
 * loopback one: a province whose tokens are issued by https://sso.example.gov.cn/realms/duban (reached by the service
 * over an internal back channel) publishes that issuer's discovery document in /q/openapi.
 */
@QuarkusTest
@TestProfile(OpenApiSignInTest.ProvinceKeycloak.class)
class OpenApiSignInTest {

    static final String PUBLIC_ISSUER = "https://sso.example.gov.cn/realms/duban";

    /**
     * The production settings: tokens carry the public issuer while discovery and keys go over the back channel, and
     * the contract's issuer is application.properties' own production expression (the test profile blanks it, so the
     * committed contract keeps its placeholder).
     */
    public static class ProvinceKeycloak implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.oidc.token.issuer", PUBLIC_ISSUER,
                    SignInUrlFilter.ISSUER_KEY, productionValue(SignInUrlFilter.ISSUER_KEY));
        }
    }

    @Test
    void theContractNamesTheConfiguredIssuerAndNoLoopbackKeycloak() {
        String yaml = RestAssured.given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200).extract().asString();
        var doc = RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();

        assertThat(doc.getString("components.securitySchemes.keycloak.type")).isEqualTo("openIdConnect");
        assertThat(doc.getString("components.securitySchemes.keycloak.openIdConnectUrl"))
                .isEqualTo(PUBLIC_ISSUER + "/.well-known/openid-configuration");
        assertThat(yaml).doesNotContain("127.0.0.1").doesNotContain("localhost").doesNotContain("auth.invalid");
    }

    /** The issuer is put in each time the document is served (not once at start): serving it again changes nothing. */
    @Test
    void theDocumentServedAgainIsTheSame() {
        String first = RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        String second = RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();

        assertThat(second).isEqualTo(first).contains(PUBLIC_ISSUER + "/.well-known/openid-configuration");
    }

    @Test
    void swaggerUiSignsInThroughTheContractAndNamesNoLoopbackKeycloak() {
        String page = RestAssured.given().get("/q/swagger-ui/").then().statusCode(200).extract().asString();

        assertThat(page).contains("/q/openapi").contains("duban-swagger").doesNotContain("127.0.0.1").doesNotContain(":8180");
    }

    @Test
    void theDiscoveryUrlIsTheIssuerWithTheWellKnownPath() {
        assertThat(SignInUrlFilter.discoveryUrl(PUBLIC_ISSUER + "/")).isEqualTo(PUBLIC_ISSUER + "/.well-known/openid-configuration");
        assertThat(SignInUrlFilter.discoveryUrl(PUBLIC_ISSUER + "/.well-known/openid-configuration"))
                .isEqualTo(PUBLIC_ISSUER + "/.well-known/openid-configuration");
    }

    static String productionValue(String key) {
        try (InputStream in = OpenApiSignInTest.class.getClassLoader().getResourceAsStream("application.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
