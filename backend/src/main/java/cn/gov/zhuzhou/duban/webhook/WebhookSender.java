package cn.gov.zhuzhou.duban.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Makes one attempt: checks the URL again after resolving it (the name may now point elsewhere), then POSTs the
 * event, signed, with a per-request timeout, following no redirect, and reads only the status and Retry-After
 * (never the receiver's body).
 */
@ApplicationScoped
class WebhookSender {

    /** What one attempt came to. */
    record Result(Integer statusCode, String retryAfter, long latencyMs, String error) {
    }

    private final WebhookConfig config;
    private final Clock clock;
    private final WebhookUrlRule urls;
    private final HttpClient client;

    WebhookSender(WebhookConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.urls = rule(config);
        this.client = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    static WebhookUrlRule rule(WebhookConfig config) {
        return new WebhookUrlRule(new WebhookUrlRule.Policy(config.allowHttp(), config.allowLoopback(), config.allowedHosts().orElse(List.of())),
                InetAddress::getAllByName);
    }

    Result send(String url, String messageId, List<String> secrets, byte[] body) {
        long started = System.nanoTime();
        Optional<String> refused = urls.refusal(url);
        if (refused.isPresent()) {
            return new Result(null, null, elapsed(started), "未发送：" + refused.get());
        }
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.strip()))
                .timeout(config.requestTimeout())
                .header("content-type", "application/json")
                .header("user-agent", "Duban-Webhooks/1.0")
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.header(secrets, messageId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            return new Result(response.statusCode(), response.headers().firstValue("retry-after").orElse(null), elapsed(started),
                    response.statusCode() >= 200 && response.statusCode() < 300 ? null : "接收方返回 HTTP " + response.statusCode());
        } catch (HttpTimeoutException e) {
            return new Result(null, null, elapsed(started), "超时：" + config.requestTimeout().toSeconds() + " 秒内未收到应答");
        } catch (IOException e) {
            return new Result(null, null, elapsed(started), "连接失败：" + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(null, null, elapsed(started), "发送被中断");
        }
    }

    private static long elapsed(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
