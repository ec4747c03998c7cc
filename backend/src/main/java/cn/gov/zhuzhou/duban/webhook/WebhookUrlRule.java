package cn.gov.zhuzhou.duban.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a webhook may be sent (SSRF protection), checked when a subscription is made and again before every
 * attempt, after resolving the name: an absolute https URL (http only where {@code allowHttp}), no user info, a host
 * on the allow-list of the configuration (empty: no webhooks at all; {@code *}: any public host, an explicit choice), written as a name or a canonical address (127.1, 2130706433, 0x7f000001 and
 * other numeric spellings are refused outright), and resolving only to public addresses: never loopback (unless
 * {@code allowLoopback}, tests and development), private, link-local (169.254.169.254, the cloud metadata
 * service), carrier-grade NAT, multicast, unspecified, reserved or documentation ranges, nor IPv6 forms that embed
 * one of those (::ffff:127.0.0.1, NAT64). Redirects are never followed (the sender's client is built that way).
 */
public final class WebhookUrlRule {

    /** Resolves a host name to its addresses (the system resolver in service; a fixed table in tests). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    public record Policy(boolean allowHttp, boolean allowLoopback, List<String> allowedHosts) {
        public Policy {
            allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        }

        /** The production rule: https, public addresses, only the listed hosts ({@code *}: any). */
        public static Policy production(List<String> allowedHosts) {
            return new Policy(false, false, allowedHosts);
        }
    }

    private static final Pattern NUMERIC_LOOKING = Pattern.compile("^(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]*))*\\.?$");
    private static final Pattern CANONICAL_V4 = Pattern.compile("^(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}$");

    private final Policy policy;
    private final Resolver resolver;

    public WebhookUrlRule(Policy policy, Resolver resolver) {
        this.policy = policy;
        this.resolver = resolver;
    }

    /** The URL if it may receive webhooks; otherwise why not (in Chinese, for the problem's detail). */
    public Optional<String> refusal(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("须填写接收地址");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return Optional.of("接收地址不是有效的 URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(policy.allowHttp() && scheme.equals("http"))) {
            return Optional.of(policy.allowHttp() ? "接收地址须以 https:// 或 http:// 开头" : "接收地址须使用 https");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("接收地址不能包含用户名或密码");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("接收地址不能包含 # 片段");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return Optional.of("接收地址须包含主机名");
        }
        host = host.toLowerCase(Locale.ROOT);
        boolean bracketed = host.startsWith("[");
        if (!bracketed && NUMERIC_LOOKING.matcher(host).matches() && !CANONICAL_V4.matcher(host).matches()) {
            return Optional.of("接收地址的主机不能使用数字或变形的 IP 地址写法（" + host + "）");
        }
        if (policy.allowedHosts().isEmpty()) {
            return Optional.of("未配置允许接收推送的主机（DUBAN_WEBHOOK_ALLOWED_HOSTS），暂不能登记或推送");
        }
        if (policy.allowedHosts().stream().noneMatch(allowedHostMatcher(host))) {
            return Optional.of("接收地址的主机 " + host + " 不在允许的主机名单中");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bracketed ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return Optional.of("接收地址的主机 " + host + " 无法解析");
        }
        if (addresses == null || addresses.length == 0) {
            return Optional.of("接收地址的主机 " + host + " 无法解析");
        }
        for (InetAddress a : addresses) {
            if (forbidden(a)) {
                return Optional.of("接收地址的主机 " + host + " 解析为内部或保留地址（" + a.getHostAddress() + "），不能接收推送");
            }
        }
        return Optional.empty();
    }

    private static java.util.function.Predicate<String> allowedHostMatcher(String host) {
        return allowed -> {
            String a = allowed.strip().toLowerCase(Locale.ROOT);
            if (a.equals("*")) {
                return true;
            }
            return a.startsWith("*.") ? host.endsWith(a.substring(1)) : host.equals(a);
        };
    }

    boolean forbidden(InetAddress a) {
        if (a.isLoopbackAddress()) {
            return !policy.allowLoopback();
        }
        if (a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            return forbiddenV4(b);
        }
        if (a instanceof Inet6Address) {
            // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) carry an IPv4 address.
            boolean mapped = allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
            boolean compatible = allZero(b, 0, 12);
            boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12);
            if (mapped || compatible || nat64) {
                byte[] v4 = {b[12], b[13], b[14], b[15]};
                try {
                    return forbidden(InetAddress.getByAddress(v4));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return true; // fc00::/7 unique local
            }
            if (first == 0xfe && (b[1] & 0xc0) == 0x80) {
                return true; // fe80::/10 link-local
            }
            if (first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
                return true; // 2001:db8::/32 documentation
            }
            return false;
        }
        return true;
    }

    private static boolean forbiddenV4(byte[] b) {
        int o1 = b[0] & 0xff, o2 = b[1] & 0xff, o3 = b[2] & 0xff;
        return o1 == 0 // this network
                || o1 == 10 || o1 == 127
                || (o1 == 100 && o2 >= 64 && o2 <= 127) // carrier-grade NAT
                || (o1 == 169 && o2 == 254) // link-local, cloud metadata
                || (o1 == 172 && o2 >= 16 && o2 <= 31)
                || (o1 == 192 && o2 == 168)
                || (o1 == 192 && o2 == 0 && (o3 == 0 || o3 == 2)) // IETF protocol assignments, TEST-NET-1
                || (o1 == 198 && (o2 == 18 || o2 == 19)) // benchmarking
                || (o1 == 198 && o2 == 51 && o3 == 100) || (o1 == 203 && o2 == 0 && o3 == 113) // TEST-NET-2, -3
                || o1 >= 224; // multicast, reserved, broadcast
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
