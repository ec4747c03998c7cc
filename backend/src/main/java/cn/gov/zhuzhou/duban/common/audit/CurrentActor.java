package cn.gov.zhuzhou.duban.common.audit;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Names who is acting, for audit stamps. Until sign-in exists every change is made by "system"; the security
 * feature replaces this with the token's subject and name.
 */
@ApplicationScoped
public class CurrentActor {

    public static final String SYSTEM = "system";

    public String name() {
        return SYSTEM;
    }
}
