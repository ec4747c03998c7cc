package cn.gov.zhuzhou.duban.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A partner's webhook receiver inside the test: the JDK's HTTP server on 127.0.0.1. Each path answers with the
 * statuses queued for it (then 204), or hangs until released; every request is kept as received.
 */
public final class Receiver implements AutoCloseable {

    public record Received(String path, String id, String timestamp, String signature, String body, long atNanos) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Queue<int[]>> answers = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> hanging = new ConcurrentHashMap<>();
    public final List<Received> received = new CopyOnWriteArrayList<>();

    public Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            var h = exchange.getRequestHeaders();
            received.add(new Received(path, h.getFirst("webhook-id"), h.getFirst("webhook-timestamp"), h.getFirst("webhook-signature"),
                    new String(body, StandardCharsets.UTF_8), System.nanoTime()));
            CountDownLatch hang = hanging.get(path);
            if (hang != null) {
                try {
                    hang.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int[] answer = answers.getOrDefault(path, new ConcurrentLinkedQueue<>()).poll();
            int status = answer == null ? 204 : answer[0];
            if (answer != null && answer.length > 1) {
                exchange.getResponseHeaders().add("Retry-After", Integer.toString(answer[1]));
            }
            byte[] reply = "receiver's own body, never stored".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, status == 204 ? -1 : reply.length);
            if (status != 204) {
                exchange.getResponseBody().write(reply);
            }
            exchange.close();
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next answers on {@code path}, in order (then 204 again). */
    void answer(String path, int... statuses) {
        Queue<int[]> q = answers.computeIfAbsent(path, k -> new ConcurrentLinkedQueue<>());
        for (int s : statuses) {
            q.add(new int[] {s});
        }
    }

    void answerTooManyRequests(String path, int retryAfterSeconds) {
        answers.computeIfAbsent(path, k -> new ConcurrentLinkedQueue<>()).add(new int[] {429, retryAfterSeconds});
    }

    /** Requests on {@code path} hang until {@link #release}. */
    public void hang(String path) {
        hanging.put(path, new CountDownLatch(1));
    }

    public void release(String path) {
        CountDownLatch l = hanging.remove(path);
        if (l != null) {
            l.countDown();
        }
    }

    public List<Received> on(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        hanging.values().forEach(CountDownLatch::countDown);
        server.stop(0);
        threads.shutdownNow();
    }
}
