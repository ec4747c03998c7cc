package cn.gov.zhuzhou.duban.security;

import static cn.gov.zhuzhou.duban.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import cn.gov.zhuzhou.duban.support.Tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Tokens that are expired, early, forged, foreign, for another audience or unsigned are refused with 401 problem+json. */
@QuarkusTest
class TokenValidationTest {

    static void refused(String token) {
        as(token).get("/api/v1/tasks").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer")).body("type", endsWith("/unauthorized"));
    }

    @Test
    void aValidTokenIsAccepted() {
        as(Tokens.office()).get("/api/v1/tasks").then().statusCode(200);
    }

    @Test
    void expiredTokenIsRefused() {
        refused(Tokens.claims("u1", "过期", "office").issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600)).sign());
    }

    @Test
    void notYetValidTokenIsRefused() {
        refused(Tokens.claims("u1", "未生效", "office").claim("nbf", Instant.now().plusSeconds(3600).getEpochSecond()).sign());
    }

    @Test
    void tokenSignedByAnotherKeyIsRefused() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        refused(Tokens.claims("u1", "伪造", "office").jws().keyId("1").sign(generator.generateKeyPair().getPrivate()));
    }

    @Test
    void tokenFromAnotherIssuerIsRefused() {
        refused(Tokens.claims("u1", "别处", "office").issuer("https://evil.example.com").sign());
    }

    @Test
    void tokenForAnotherAudienceIsRefused() {
        refused(Tokens.claims("u1", "别的应用", "office").audience("other-app").sign());
    }

    @Test
    void unsignedTokenIsRefused() {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = b64("{\"iss\":\"" + Tokens.ISSUER + "\",\"aud\":\"duban-api\",\"sub\":\"u1\",\"exp\":"
                + Instant.now().plusSeconds(600).getEpochSecond() + ",\"realm_access\":{\"roles\":[\"office\"]}}");
        refused(header + "." + payload + ".");
    }

    @Test
    void garbageIsRefused() {
        refused("not-a-token");
    }

    @OidcWireMock
    WireMockServer oidcServer;

    private long introspections() {
        return oidcServer.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().contains("introspect")).count();
    }

    @Test
    void forgedGarbledAndForeignTokensAreRefusedLocallyWithoutAskingTheIdentityProvider() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var foreignKey = generator.generateKeyPair().getPrivate();
        long before = introspections();
        for (int i = 0; i < 5; i++) {
            refused(Tokens.claims("u1", "伪造", "office").jws().keyId("1").sign(foreignKey));
            refused(Tokens.claims("u1", "陌生密钥", "office").jws().keyId("unknown-" + i).sign(foreignKey));
            refused(Tokens.claims("u1", "别处", "office").issuer("https://evil.example.com").sign());
            refused("not-a-token-" + i);
            refused(Tokens.office().substring(0, Tokens.office().length() - 6) + "AAAAAA");
        }
        assertEquals(before, introspections(), "a bad token was sent to the identity provider's introspection endpoint");
        as(Tokens.office()).get("/api/v1/tasks").then().statusCode(200);
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

}
