package cn.gov.zhuzhou.duban.common.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: the token's subject, display name, roles, and the unit or city it speaks for. */
@RequestScoped
public class Caller {

    /** Claim carrying a liaison's unit code (e.g. ZZ-EDU), set by the realm's user-attribute mapper. */
    public static final String UNIT_CLAIM = "unit_id";
    /** Claim carrying a partner client's city code (CS or XT), set by a hard-coded claim mapper. */
    public static final String CITY_CLAIM = "city";

    private final SecurityIdentity identity;

    Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    /**
     * The office, leaders and supervisors (and admins) read every unit's workflow — reports, problems, items, cases,
     * notifications (DOMAIN.md, "who uses it"); a liaison reads only its own unit's.
     */
    public boolean readsEveryUnit() {
        return has(Roles.OFFICE) || has(Roles.LEADER) || has(Roles.SUPERVISOR) || has(Roles.ADMIN);
    }

    /** Office and admin act for the whole plan; other roles are scoped. */
    public boolean actsForWholePlan() {
        return has(Roles.OFFICE) || has(Roles.ADMIN);
    }

    public String subject() {
        return token().map(JsonWebToken::getSubject).orElseGet(() -> identity.getPrincipal().getName());
    }

    /** The account's user name (preferred_username), else the client the token was issued to (azp); for the logs. */
    public Optional<String> userName() {
        return token().map(t -> firstNonBlank(t.getClaim("preferred_username"), t.getClaim("azp"))).filter(n -> !"unknown".equals(n));
    }

    public String displayName() {
        return token().map(t -> firstNonBlank(t.getClaim("name"), t.getClaim("preferred_username"), t.getClaim("azp"),
                t.getSubject())).orElseGet(() -> identity.getPrincipal().getName());
    }

    /** The OIDC client the token was issued to (its {@code azp}), e.g. duban-partner-cs; empty for a token without one. */
    public Optional<String> clientId() {
        return token().map(t -> (Object) t.getClaim("azp")).map(Object::toString).filter(s -> !s.isBlank());
    }

    /** The unit code a {@code unit} liaison speaks for, if the token names one. */
    public Optional<String> unitCode() {
        return token().map(t -> (Object) t.getClaim(UNIT_CLAIM)).map(Object::toString).filter(s -> !s.isBlank());
    }

    /** The city code a {@code partner} client speaks for, if the token names one. */
    public Optional<String> cityCode() {
        return token().map(t -> (Object) t.getClaim(CITY_CLAIM)).map(Object::toString).filter(s -> !s.isBlank());
    }

    private Optional<JsonWebToken> token() {
        return identity.getPrincipal() instanceof JsonWebToken jwt ? Optional.of(jwt) : Optional.empty();
    }

    private static String firstNonBlank(Object... values) {
        for (Object v : values) {
            if (v != null && !v.toString().isBlank()) {
                return v.toString();
            }
        }
        return "unknown";
    }
}
