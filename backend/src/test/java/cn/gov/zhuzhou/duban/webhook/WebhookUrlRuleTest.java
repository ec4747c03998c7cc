package cn.gov.zhuzhou.duban.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The SSRF rule for webhook URLs, as production applies it (https, public addresses), without Quarkus or DNS. */
class WebhookUrlRuleTest {

    /** A resolver with fixed answers; everything else is unknown (numeric hosts resolve as the JDK would). */
    private static WebhookUrlRule.Resolver names(Map<String, String> table) {
        return host -> {
            if (table.containsKey(host)) {
                return new InetAddress[] {InetAddress.getByName(table.get(host))};
            }
            if (host.matches("[0-9.]+") || host.contains(":")) {
                return new InetAddress[] {InetAddress.getByName(host)};
            }
            throw new UnknownHostException(host);
        };
    }

    private static final WebhookUrlRule PRODUCTION = new WebhookUrlRule(WebhookUrlRule.Policy.production(List.of("*")),
            names(Map.of("hooks.changsha.example.cn", "93.184.216.34", "rebound.example.cn", "10.1.2.3", "metadata.example.cn", "169.254.169.254",
                    "localhost", "127.0.0.1")));

    @Test
    void withoutAnAllowListNoHostIsAccepted() {
        WebhookUrlRule none = new WebhookUrlRule(WebhookUrlRule.Policy.production(List.of()), names(Map.of("hooks.changsha.example.cn", "93.184.216.34")));
        assertThat(none.refusal("https://hooks.changsha.example.cn/duban")).hasValueSatisfying(why -> assertThat(why).contains("DUBAN_WEBHOOK_ALLOWED_HOSTS"));
    }

    @Test
    void aPublicHttpsUrlIsAccepted() {
        assertThat(PRODUCTION.refusal("https://hooks.changsha.example.cn/duban")).isEmpty();
    }

    @Test
    void plainHttpIsRefusedInProduction() {
        assertThat(PRODUCTION.refusal("http://hooks.changsha.example.cn/duban")).hasValueSatisfying(why -> assertThat(why).contains("https"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/hook", "http://127.0.0.1/hook", "https://localhost/hook", "https://127.1/hook", "https://2130706433/hook",
            "https://0x7f000001/hook", "https://0177.0.0.1/hook", "https://[::ffff:127.0.0.1]/hook", "https://[::1]/hook", "https://169.254.169.254/latest/meta-data",
            "https://10.0.0.5/hook", "https://172.16.0.1/hook", "https://192.168.1.1/hook", "https://100.64.0.1/hook", "https://0.0.0.0/hook",
            "https://[fd00::1]/hook", "https://[fe80::1]/hook", "https://[64:ff9b::a00:1]/hook", "https://224.0.0.1/hook",
            "https://rebound.example.cn/hook", "https://metadata.example.cn/hook"})
    void internalAndObfuscatedAddressesAreRefused(String url) {
        assertThat(PRODUCTION.refusal(url)).as(url).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://user:pw@hooks.changsha.example.cn/hook", "https://hooks.changsha.example.cn/hook#x", "ftp://hooks.changsha.example.cn/",
            "hooks.changsha.example.cn/hook", "https:///hook", "https://unknown.example.cn/hook", "not a url"})
    void malformedOrUnresolvableUrlsAreRefused(String url) {
        assertThat(PRODUCTION.refusal(url)).as(url).isPresent();
    }

    @Test
    void aNameThatNowResolvesInsideIsRefusedAtDelivery() {
        var resolved = new java.util.concurrent.atomic.AtomicReference<>("93.184.216.34");
        WebhookUrlRule rule = new WebhookUrlRule(WebhookUrlRule.Policy.production(List.of("*")), host -> new InetAddress[] {InetAddress.getByName(resolved.get())});
        assertThat(rule.refusal("https://hooks.changsha.example.cn/duban")).isEmpty();
        resolved.set("127.0.0.1"); // DNS rebinding after registration
        assertThat(rule.refusal("https://hooks.changsha.example.cn/duban")).isPresent();
    }

    @Test
    void theAllowListAdmitsOnlyItsHosts() {
        WebhookUrlRule rule = new WebhookUrlRule(new WebhookUrlRule.Policy(false, false, List.of("*.changsha.example.cn", "xt.example.cn")),
                names(Map.of("hooks.changsha.example.cn", "93.184.216.34", "xt.example.cn", "93.184.216.35", "evil.example.com", "93.184.216.36")));
        assertThat(rule.refusal("https://hooks.changsha.example.cn/h")).isEmpty();
        assertThat(rule.refusal("https://xt.example.cn/h")).isEmpty();
        assertThat(rule.refusal("https://evil.example.com/h")).hasValueSatisfying(why -> assertThat(why).contains("允许的主机"));
    }

    @Test
    void theTestProfileAdmitsHttpOnLoopbackButStillNoPrivateAddress() {
        WebhookUrlRule rule = new WebhookUrlRule(new WebhookUrlRule.Policy(true, true, List.of("*")), names(Map.of()));
        assertThat(rule.refusal("http://127.0.0.1:8089/hook")).isEmpty();
        assertThat(rule.refusal("http://10.0.0.5/hook")).isPresent();
        assertThat(rule.refusal("http://169.254.169.254/")).isPresent();
        assertThat(rule.refusal("http://127.1/hook")).isPresent();
    }
}
