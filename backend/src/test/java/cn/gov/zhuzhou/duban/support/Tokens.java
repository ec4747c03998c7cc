package cn.gov.zhuzhou.duban.support;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.util.List;
import java.util.Map;

/**
 * Access tokens for the fast suite, signed with the key that quarkus-test-oidc-server's JWKS publishes, shaped
 * like the duban realm's tokens: realm_access.roles, aud duban-api, and unit_id / city where the role needs one.
 */
public final class Tokens {

    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "duban-api";

    private Tokens() {
    }

    public static JwtClaimsBuilder claims(String subject, String name, String... roles) {
        return Jwt.claims()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .preferredUserName(subject)
                .claim("name", name)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .expiresIn(3600);
    }

    private static String staff;

    /** The office's own administrator: roles admin and office (signed once per run: signing is not free). */
    public static synchronized String staff() {
        if (staff == null) {
            staff = claims("staff-1", "办公室管理员", "admin", "office").sign();
        }
        return staff;
    }

    public static String admin() {
        return claims("admin-1", "系统管理员", "admin").sign();
    }

    public static String office() {
        return claims("office-1", "领导小组办公室", "office").sign();
    }

    public static String leader() {
        return claims("leader-1", "分管副市长", "leader").sign();
    }

    public static String supervisor() {
        return claims("supervisor-1", "市政府督查室", "supervisor").sign();
    }

    public static String liaison(String unitCode) {
        return claims("liaison-" + unitCode, unitCode + " 联络员", "unit").claim("unit_id", unitCode).sign();
    }

    public static String partner(String cityCode) {
        return claims("service-account-duban-partner-" + cityCode.toLowerCase(), "partner " + cityCode, "partner")
                .claim("city", cityCode).sign();
    }
}
