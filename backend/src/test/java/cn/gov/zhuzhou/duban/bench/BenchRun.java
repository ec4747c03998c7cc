package cn.gov.zhuzhou.duban.bench;

import com.sun.net.httpserver.HttpServer;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * `make bench` (issue 11): the province data set ({@link ProvinceDataSet}), the packaged service and the plain-JDBC
 * reference ({@link PlainJdbcServer}) each in its own JVM on loopback, and wrk against both for every screen of
 * {@link #SCREENS}, at each connection count, warm-up then the measured run; then the writes (service only). Writes
 * {@code .build/bench/report.md} and {@code .build/bench/chart.png}.
 *
 * <p>The service is the packaged jar ({@code backend/target/quarkus-app/quarkus-run.jar}) started as {@code make run}
 * starts it (same JVM options, deploy/local/jvm.options), so launch-to-ready and RSS are the product's. Its tokens come from a
 * throw-away OpenID issuer served here (an RSA key made at start, discovery document and JWKS), so the service checks
 * real signatures through its normal OIDC configuration, without Keycloak.
 *
 * <p>Environment: BENCH_DURATION (30s), BENCH_WARMUP (10s, once per screen and target, before its first connection count,
 * and once more for every screen in the JIT warm-up pass before anything is measured; BENCH_JIT_WARMUP=off skips that pass),
 * BENCH_CONNECTIONS (50,200; latency below capacity is the fixed-rate part's), BENCH_FIXED_DURATION (20s), BENCH_THREADS (2),
 * BENCH_SCREENS (comma-separated names to run, default all), BENCH_SEED (11), BENCH_SCHEMA (duban_bench),
 * BENCH_JAVA_OPTS (the service's JVM options, default {@code @deploy/local/jvm.options} as every start uses), BENCH_PLAIN_JAVA_OPTS (the reference's
 * JVM options, default none: the JVM's own defaults), BENCH_LD_PRELOAD (a library preloaded into the service alone, e.g. another
 * malloc), BENCH_NMT (summary or detail: native memory tracking, read at the end), BENCH_FIXED_RATE (half: every screen again at
 * half its closed-loop capacity, open model, see {@link FixedRateLoad}; a number: that many requests a second; off to skip), DUBAN_DB_HOST/PORT/USER/PASSWORD; BENCH_HOLD=1
 * starts both targets and keeps them up for a look by hand (a token per role in .build/bench: office, admin, leader, supervisor,
 * and unit, a liaison of the first unit).
 */
public final class BenchRun {

    /**
     * The JVM options every start of the service uses (make run, e2e.sh, the image), as a java argument file; the
     * service starts from the jar's folder, where its AppCDS archive names quarkus-run.jar.
     */
    static final String JVM_OPTIONS = "@" + Path.of("deploy/local/jvm.options").toAbsolutePath();

    /**
     * One read screen: a name, the path (the same on both targets) and an optional Lua body for random ids; {@code
     * changesPerSecond}: while it is measured, a change is committed that often (the records' version moved, as any write
     * on any instance moves it), so a page that keeps its last answer while nothing changes (common/admission/CachedRead)
     * is measured as it is when the province is at work, not only between changes.
     */
    record Screen(String name, String path, String lua, boolean reference, int changesPerSecond) {

        Screen(String name, String path, String lua) {
            this(name, path, lua, true, 0);
        }

        Screen(String name, String path, String lua, boolean reference) {
            this(name, path, lua, reference, 0);
        }
    }

    /**
     * The screens, in one place. A screen without a plain-JDBC page ({@code reference} false) is measured on the service
     * only (the leader dashboard and the year's assessment: no plain page of theirs is written yet).
     */
    static final List<Screen> SCREENS = List.of(
            new Screen("task list (plan 10, IN_PROGRESS, -deadline, 100)", "/api/v1/tasks?planId=10&status=IN_PROGRESS&sort=-deadline&size=100", null),
            new Screen("task by id (random of 20 000)", "/api/v1/tasks/1", "local id = math.random(1, 20000)\n"
                    + "  return wrk.format(nil, '/api/v1/tasks/' .. id)"),
            new Screen("plan tree (2 000 tasks)", "/api/v1/plans/10/tree", null),
            new Screen("unit inbox (unit 17, 100)", "/api/v1/ticket-items?unitId=17&size=100", null),
            new Screen("supervision cases (100)", "/api/v1/supervision-cases?size=100", null),
            new Screen("month standings (2026-11, 200)", "/api/v1/reporting-months/2026-11/units?size=200", null),
            new Screen("problems (CLASSIFIED, 100)", "/api/v1/problems?status=CLASSIFIED&size=100", null),
            new Screen("sessions (100)", "/api/v1/sessions?size=100", null),
            new Screen("notifications (unit 17, 100)", "/api/v1/notifications?unitId=17&size=100", null),
            // no plain-JDBC page yet: measured on the service only
            new Screen("leader dashboard (every plan)", "/api/v1/dashboard", null, false),
            new Screen("leader dashboard (plan 10)", "/api/v1/dashboard?planId=10", null, false),
            new Screen("assessment (2026)", "/api/v1/assessments/2026", null, false),
            // the same two heavy pages while a change is committed every second: each change makes the next request compute
            new Screen("leader dashboard (every plan), a change a second", "/api/v1/dashboard", null, false, 1),
            new Screen("assessment (2026), a change a second", "/api/v1/assessments/2026", null, false, 1)
            // bulletin generation is a write that happens once per plan and period: timed one by one in generations()
    );

    record Result(String screen, String target, int connections, long requests, double seconds, double rps, double p50ms, double p99ms,
            long errors, long non2xx, double cpuSeconds, double selectsPerRequest) {
    }

    /** One open-model run: the screen, the target and what {@link FixedRateLoad} measured. */
    record Paced(String screen, String target, FixedRateLoad.Outcome outcome) {
    }

    final List<Paced> paced = new ArrayList<>();
    final Path out;
    final String dbHost, dbUser, dbPassword, schema;
    final int dbPort;
    final String duration, warmup, fixedDuration;
    /** BENCH_NMT: the service's native memory tracking (summary or detail), read with jcmd at the end; blank: off. */
    final String nmt;
    final int threads;
    final List<Integer> connections = new ArrayList<>();
    final List<Result> results = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    /** The JIT warm-up pass: one line per screen and target, the throughput of each step. */
    final List<String> warmUps = new ArrayList<>();
    /** The service's resident set after each phase (a screen's closed-loop runs, the fixed rates, the writes, the generations). */
    final List<String> residentByPhase = new ArrayList<>();
    KeyPair key;
    String issuer;
    Process service, plain;
    double readySeconds, readyCpuSeconds;
    String launchedAt, loadAtStart;

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "?";
        }
    }
    int servicePort, plainPort;

    BenchRun() {
        out = Path.of(env("BENCH_OUT", ".build/bench"));
        dbHost = env("DUBAN_DB_HOST", "127.0.0.1");
        dbPort = Integer.parseInt(env("DUBAN_DB_PORT", "3306"));
        dbUser = env("DUBAN_DB_USER", "root");
        dbPassword = env("DUBAN_DB_PASSWORD", "");
        schema = env("BENCH_SCHEMA", "duban_bench");
        duration = env("BENCH_DURATION", "30s");
        warmup = env("BENCH_WARMUP", "10s");
        threads = Integer.parseInt(env("BENCH_THREADS", "2"));
        fixedDuration = env("BENCH_FIXED_DURATION", "20s");
        nmt = env("BENCH_NMT", "");
        for (String c : env("BENCH_CONNECTIONS", "50,200").split(",")) {
            connections.add(Integer.parseInt(c.trim()));
        }
    }

    static String env(String name, String fallback) {
        return ProvinceDataSet.env(name, fallback);
    }

    public static void main(String[] args) throws Exception {
        new BenchRun().run();
        System.exit(0); // the issuer's HTTP server thread would keep the JVM up
    }

    void run() throws Exception {
        Files.createDirectories(out);
        loadAtStart = loadAverage();
        long seed = Long.parseLong(env("BENCH_SEED", "11"));
        long t0 = System.nanoTime();
        boolean loaded = ProvinceDataSet.ensure(dbHost, dbPort, dbUser, dbPassword, schema, seed);
        notes.add(loaded ? String.format("data set loaded in %.0f s (seed %d)", (System.nanoTime() - t0) / 1e9, seed)
                : "data set already in place (seed " + seed + "), not reloaded");
        startIssuer();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (service != null) {
                service.destroy();
            }
            if (plain != null) {
                plain.destroy();
            }
        }));
        try {
            startService();
            startPlain();
            String office = token("office-bench", "领导小组办公室", "office", null);
            if (!env("BENCH_HOLD", "").isBlank()) {
                // for a look by hand: both targets stay up until this process is stopped
                // one token per role, a liaison's for the first unit (by id), for requests by hand or a probe of every operation
                Files.writeString(out.resolve("office.token"), office);
                Files.writeString(out.resolve("admin.token"), token("admin-bench", "系统管理员", "admin", null));
                Files.writeString(out.resolve("leader.token"), token("leader-bench", "市领导", "leader", null));
                Files.writeString(out.resolve("supervisor.token"), token("supervisor-bench", "督查室", "supervisor", null));
                Files.writeString(out.resolve("unit.token"), token("liaison-bench", "联络员", "unit", firstUnitCode()));
                System.out.println("HOLD service http://127.0.0.1:" + servicePort + " plain http://127.0.0.1:" + plainPort + " tokens in "
                        + out + " (office, admin, leader, supervisor, unit)");
                Thread.sleep(Long.MAX_VALUE);
            }
            if (!env("BENCH_JIT_WARMUP", "on").equals("off")) {
                jitWarmUp(office);
            }
            for (Screen s : SCREENS) {
                if (!selected(s.name())) {
                    continue;
                }
                boolean first = true;
                for (int c : connections) {
                    // one warm-up per screen and target, before its first measured run: the JIT and the database's buffer
                    // pool are as warm for the next connection count as after a warm-up of its own
                    results.add(load(s, "duban", servicePort, c, office, first));
                    if (s.reference()) {
                        results.add(load(s, "plain JDBC", plainPort, c, office, first));
                    }
                    first = false;
                }
                resident(s.name());
            }
            if (!env("BENCH_FIXED_RATE", "half").equals("off")) {
                for (Screen s : SCREENS) {
                    if (selected(s.name())) {
                        fixedRate(s, office);
                    }
                }
                resident("fixed rates");
            }
            if (selected("item transition") || selected("report submission")) {
                writes();
                resident("writes");
            }
            if (selected("publication generation")) {
                generations(office);
                resident("generations");
            }
            explains();
            report();
        } finally {
            if (service != null) {
                service.destroy();
            }
            if (plain != null) {
                plain.destroy();
            }
        }
    }

    /**
     * One pass over every selected screen, on both targets, before anything is measured, each until its throughput stops
     * rising: the JIT's C2 compiler needs about a minute of load on two cores before the task list is compiled (session 12,
     * a held service, the task list at 50 clients in 12 s runs: 41, 73, 91, 99, 151, 151 pages/s, C2 taking 2-7 s of CPU
     * per run until then), so a screen measured before that measured the compiler (session 11: the task list, the first
     * screen, at 22 ms of CPU per page, against 9.5 ms at 200 clients straight after). Runs of {@link #JIT_STEP} at the
     * first connection count, until two in a row are less than 10 % above the best before them, at most
     * {@code BENCH_JIT_MAX} (90s) per screen and target. Not recorded as results; the throughputs on the way go into the report's notes.
     */
    void jitWarmUp(String token) throws Exception {
        int conns = connections.get(0);
        double max = seconds(env("BENCH_JIT_MAX", "90s"));
        for (Screen s : SCREENS) {
            if (!selected(s.name())) {
                continue;
            }
            for (String target : s.reference() ? List.of("duban", "plain JDBC") : List.of("duban")) {
                int port = target.equals("duban") ? servicePort : plainPort;
                List<String> steps = new ArrayList<>();
                double best = 0;
                int flat = 0;
                for (double spent = 0; spent < max && flat < 2; spent += seconds(JIT_STEP)) {
                    double rps = load(s, target, port, conns, token, false, JIT_STEP).rps();
                    steps.add(String.format(Locale.ROOT, "%.0f", rps));
                    flat = best > 0 && rps < best * 1.1 ? flat + 1 : 0;
                    best = Math.max(best, rps);
                }
                warmUps.add(s.name() + ", " + target + ": " + String.join(" → ", steps));
                System.out.printf("%-52s %-10s JIT warm-up, pages/s in %s steps: %s%n", s.name(), target, JIT_STEP, String.join(" → ", steps));
            }
        }
    }

    static final String JIT_STEP = "6s";

    static boolean selected(String name) {
        String only = env("BENCH_SCREENS", "");
        if (only.isBlank()) {
            return true;
        }
        for (String s : only.split(",")) {
            if (name.startsWith(s.trim())) {
                return true;
            }
        }
        return false;
    }

    // ---- the throw-away issuer -------------------------------------------------------------------------------

    void startIssuer() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        key = g.generateKeyPair();
        int port = freePort();
        issuer = "http://127.0.0.1:" + port + "/realms/duban";
        RSAPublicKey pub = (RSAPublicKey) key.getPublic();
        String jwks = "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"bench\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\"" + b64(unsigned(pub.getModulus()))
                + "\",\"e\":\"" + b64(unsigned(pub.getPublicExponent())) + "\"}]}";
        String discovery = "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/protocol/openid-connect/certs\","
                + "\"token_endpoint\":\"" + issuer + "/protocol/openid-connect/token\",\"authorization_endpoint\":\"" + issuer
                + "/protocol/openid-connect/auth\",\"userinfo_endpoint\":\"" + issuer + "/protocol/openid-connect/userinfo\","
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        http.createContext("/realms/duban/.well-known/openid-configuration", e -> PlainJdbcServer.reply(e, 200, discovery));
        http.createContext("/realms/duban/protocol/openid-connect/certs", e -> PlainJdbcServer.reply(e, 200, jwks));
        http.start();
    }

    static byte[] unsigned(BigInteger i) {
        byte[] b = i.toByteArray();
        return b[0] == 0 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
    }

    static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** A token shaped like the duban realm's: realm_access.roles, aud duban-api, unit_id for a liaison; valid 6 hours. */
    String token(String subject, String name, String role, String unitCode) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"bench\"}";
        String claims = "{\"iss\":\"" + issuer + "\",\"aud\":\"duban-api\",\"sub\":\"" + subject + "\",\"preferred_username\":\"" + subject
                + "\",\"name\":\"" + name + "\",\"azp\":\"duban-spa\",\"realm_access\":{\"roles\":[\"" + role + "\"]},\"iat\":" + now
                + ",\"exp\":" + (now + 6 * 3600) + (unitCode == null ? "" : ",\"unit_id\":\"" + unitCode + "\"") + "}";
        String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(claims.getBytes(StandardCharsets.UTF_8));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(key.getPrivate());
        s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64(s.sign());
    }

    /** The code of the unit with the smallest id (BENCH_HOLD's liaison token). */
    String firstUnitCode() throws SQLException {
        try (Connection c = DriverManager.getConnection(ProvinceDataSet.schemaUrl(dbHost, dbPort, schema), dbUser, dbPassword);
                Statement s = c.createStatement(); ResultSet r = s.executeQuery("select code from unit order by id limit 1")) {
            r.next();
            return r.getString(1);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    // ---- the two targets -------------------------------------------------------------------------------------

    String dbUrl() {
        return "jdbc:mysql://" + dbHost + ":" + dbPort + "/" + schema + "?characterEncoding=UTF-8&connectTimeout=3000&socketTimeout=60000";
    }

    void startService() throws Exception {
        Path jar = Path.of(env("BENCH_JAR", "backend/target/quarkus-app/quarkus-run.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: mvn package -DskipTests first (make bench does)");
        }
        servicePort = freePort();
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Duser.timezone=Asia/Shanghai", "-Dfile.encoding=UTF-8"));
        for (String o : env("BENCH_JAVA_OPTS", JVM_OPTIONS).split(" ")) {
            if (!o.isBlank()) {
                cmd.add(o);
            }
        }
        // the collector's log beside the report (its full collections are counted there): session 14 needed it afterwards
        cmd.add("-Xlog:gc:file=" + out.toAbsolutePath().resolve("gc.log"));
        if (!nmt.isBlank()) {
            // native memory tracking (summary or detail), read with jcmd at the end of the run into nmt.txt
            cmd.add("-XX:NativeMemoryTracking=" + nmt);
        }
        cmd.addAll(List.of("-jar", jar.getFileName().toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(jar.toAbsolutePath().getParent().toFile()).redirectErrorStream(true)
                .redirectOutput(out.resolve("service.log").toFile());
        pb.environment().put("DUBAN_DB_URL", dbUrl());
        pb.environment().put("DUBAN_OIDC_ISSUER", issuer);
        pb.environment().put("DUBAN_HTTP_PORT", String.valueOf(servicePort));
        pb.environment().put("DUBAN_SEED_ENABLED", "false");
        // as make run, e2e.sh and the image start it (deploy/local/jvm.options, "Native memory")
        pb.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        // BENCH_LD_PRELOAD: another memory allocator for the service alone (e.g. Debian's libjemalloc2), for a comparison
        if (!env("BENCH_LD_PRELOAD", "").isBlank()) {
            pb.environment().put("LD_PRELOAD", env("BENCH_LD_PRELOAD", ""));
        }
        // The bench measures throughput from a handful of tokens: the per-caller rate limit would measure itself.
        pb.environment().put("DUBAN_HTTP_RATE_LIMIT_ENABLED", "false");
        long start = System.nanoTime();
        launchedAt = java.time.LocalTime.now(java.time.ZoneOffset.UTC).toString();
        service = pb.start();
        waitReady("http://127.0.0.1:" + servicePort + "/q/health/ready", service, 120);
        readySeconds = (System.nanoTime() - start) / 1e9;
        readyCpuSeconds = cpuSeconds(service.pid());
        System.out.printf("service ready in %.1f s (%.1f s CPU) on port %d (pid %d)%n", readySeconds, readyCpuSeconds, servicePort,
                service.pid());
    }

    void startPlain() throws Exception {
        plainPort = freePort();
        List<String> cmd = new ArrayList<>(List.of(javaBin()));
        for (String o : env("BENCH_PLAIN_JAVA_OPTS", "").split(" ")) {
            if (!o.isBlank()) {
                cmd.add(o);
            }
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), PlainJdbcServer.class.getName(), String.valueOf(plainPort), dbUrl(),
                env("BENCH_PLAIN_POOL", "16")));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.resolve("plain.log").toFile());
        plain = pb.start();
        waitReady("http://127.0.0.1:" + plainPort + "/ready", plain, 60);
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void waitReady(String url, Process p, int seconds) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < until) {
            if (!p.isAlive()) {
                throw new IllegalStateException(url + ": the process ended with " + p.exitValue() + " (see its log under .build/bench)");
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(url + " not ready after " + seconds + " s");
    }

    // ---- wrk -----------------------------------------------------------------------------------------------

    static final String DONE = """
            function done(summary, latency, requests)
              local e = summary.errors
              io.write(string.format("BENCH {\\"requests\\":%d,\\"duration_us\\":%d,\\"p50_us\\":%d,\\"p99_us\\":%d,\\"errors\\":%d,\\"non2xx\\":%d}\\n",
                summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
                e.connect + e.read + e.write + e.timeout, e.status))
            end
            """;

    /** What browsers send: every read of both targets carries it (the plain reference ignores it). */
    static final String ACCEPT_ENCODING = "gzip, deflate, br";

    Result load(Screen s, String target, int port, int conns, String token, boolean warm) throws Exception {
        Result r = load(s, target, port, conns, token, warm, duration);
        System.out.printf("%-52s %-10s c=%-4d %8.1f req/s p50 %7.1f ms p99 %7.1f ms errors %d non-2xx %d%n", s.name(), target, conns, r.rps(),
                r.p50ms(), r.p99ms(), r.errors(), r.non2xx());
        return r;
    }

    /** A run of {@code length} (after a warm-up of its own when {@code warm}). */
    Result load(Screen s, String target, int port, int conns, String token, boolean warm, String length) throws Exception {
        // Accept-Encoding as a browser sends it: the service gzips what it makes once and shares (the year's assessment)
        String lua = "wrk.headers['Authorization'] = 'Bearer " + token + "'\nwrk.headers['Accept-Encoding'] = '" + ACCEPT_ENCODING + "'\n"
                + "wrk.path = '" + s.path() + "'\n" + (s.lua() == null ? "" : "function request()\n  " + s.lua() + "\nend\n") + DONE;
        Path script = Files.writeString(out.resolve("screen.lua"), lua);
        String url = "http://127.0.0.1:" + port;
        long pid = target.equals("duban") ? service.pid() : plain.pid();
        settle(pid);
        if (warm) {
            wrk(script, url, conns, warmup);
            settle(pid);
        }
        double cpu0 = cpuSeconds(pid);
        long sel0 = selects();
        Map<String, Long> m;
        try (Changes changes = changes(s)) {
            m = wrk(script, url, conns, length);
        }
        double cpu = cpuSeconds(pid) - cpu0;
        long sel = selects() - sel0;
        return result(s.name(), target, conns, m, cpu, sel);
    }

    /** While open, commits {@code s.changesPerSecond()} changes a second: the records' version moved (nothing else). */
    interface Changes extends AutoCloseable {
        @Override
        void close() throws Exception;
    }

    Changes changes(Screen s) throws Exception {
        if (s.changesPerSecond() <= 0) {
            return () -> {
            };
        }
        Connection c = DriverManager.getConnection(ProvinceDataSet.schemaUrl(dbHost, dbPort, schema), dbUser, dbPassword);
        java.util.concurrent.ScheduledExecutorService every = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        every.scheduleAtFixedRate(() -> {
            try (var st = c.createStatement()) {
                st.executeUpdate("update data_version set version = version + 1 where id = 1");
            } catch (java.sql.SQLException e) {
                System.err.println("change not committed: " + e);
            }
        }, 0, 1000 / s.changesPerSecond(), java.util.concurrent.TimeUnit.MILLISECONDS);
        return () -> {
            every.shutdownNow();
            every.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
            c.close();
        };
    }

    static Result result(String name, String target, int conns, Map<String, Long> m, double cpu, long selects) {
        double secs = m.get("duration_us") / 1e6;
        long req = m.get("requests");
        // throughput counts answered requests with a 2xx only: a fast 503 is not a page served
        long ok = Math.max(0, req - m.get("non2xx"));
        return new Result(name, target, conns, req, secs, ok / secs, m.get("p50_us") / 1000.0, m.get("p99_us") / 1000.0, m.get("errors"),
                m.get("non2xx"), cpu, req == 0 ? 0 : (double) selects / req);
    }

    Map<String, Long> wrk(Path script, String url, int conns, String dur) throws Exception {
        Process p = new ProcessBuilder("wrk", "-t", String.valueOf(Math.min(threads, conns)), "-c", String.valueOf(conns), "-d", dur,
                "--timeout", "10s", "-s", script.toString(), url).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Matcher mt = Pattern.compile("BENCH (\\{.*})").matcher(text);
        if (!mt.find()) {
            throw new IllegalStateException("wrk said:\n" + text);
        }
        Map<String, Long> m = new LinkedHashMap<>();
        Matcher kv = Pattern.compile("\"(\\w+)\":(\\d+)").matcher(mt.group(1));
        while (kv.find()) {
            m.put(kv.group(1), Long.parseLong(kv.group(2)));
        }
        return m;
    }

    /**
     * Waits (at most 30 s) until the target is idle: wrk stops at the end of a run, but a server still works through the
     * requests it had queued, and that work must not be counted against the next run. False when it gave up at 30 s
     * with the target or the database still busy (the fixed rates note it: session 14 saw a fixed-rate window right
     * after the assessment's runs far slower than the same page later, unexplained).
     */
    static boolean settle(long pid) throws InterruptedException {
        long db = databasePid();
        long until = System.nanoTime() + 30_000_000_000L;
        double before = cpuSeconds(pid), dbBefore = db < 0 ? 0 : cpuSeconds(db);
        while (System.nanoTime() < until) {
            Thread.sleep(500);
            double now = cpuSeconds(pid), dbNow = db < 0 ? 0 : cpuSeconds(db);
            // the target idle, and the database server below 40 % of a core (it is shared: never quite idle)
            if (now - before < 0.05 && dbNow - dbBefore < 0.2) {
                return true;
            }
            before = now;
            dbBefore = dbNow;
        }
        return false;
    }

    /** The local MariaDB/MySQL server's pid, or -1 (a remote database is not watched). */
    static long databasePid() {
        try (var procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("\\d+")).filter(p -> {
                try {
                    String comm = Files.readString(p.resolve("comm")).strip();
                    return comm.equals("mariadbd") || comm.equals("mysqld");
                } catch (IOException e) {
                    return false;
                }
            }).mapToLong(p -> Long.parseLong(p.getFileName().toString())).findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    /** User + system CPU of a process, from /proc (Linux). */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    /**
     * Notes the service's resident set now and its peak so far (VmRSS, VmHWM) after a phase of the run, with BENCH_NMT
     * also the native memory tracking's committed MB per category at that moment.
     */
    void resident(String phase) {
        long pid = service.pid();
        // RssFile: pages mapped from files (the JVM's and the JDK's libraries, the CDS archives), clean and reclaimable
        String line = String.format(Locale.ROOT, "%s %d/%d (anon %d, file %d)", phase, rssKb(pid) / 1024, statusKb(pid, "VmHWM:") / 1024,
                statusKb(pid, "RssAnon:") / 1024, statusKb(pid, "RssFile:") / 1024);
        String nmtNow = nativeMemory();
        residentByPhase.add(nmtNow == null ? line : line + " (NMT: " + nmtNow + ")");
    }

    static long rssKb(long pid) {
        return statusKb(pid, "VmRSS:");
    }

    /** A memory line of /proc/pid/status in kB: VmRSS (resident now), VmHWM (the resident peak since launch). */
    static long statusKb(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (Exception e) {
            // gone
        }
        return -1;
    }

    /** The server's count of SELECT statements (global: other users of the server add to it). */
    long selects() {
        try (Connection c = DriverManager.getConnection(ProvinceDataSet.schemaUrl(dbHost, dbPort, schema), dbUser, dbPassword);
                Statement s = c.createStatement(); ResultSet r = s.executeQuery("show global status like 'Com_select'")) {
            return r.next() ? r.getLong(2) - 1 : 0; // minus this statement
        } catch (Exception e) {
            return 0;
        }
    }

    // ---- fixed rate --------------------------------------------------------------------------------------------

    /**
     * The screen at a fixed arrival rate of half the service's best closed-loop throughput for it (the issue's target:
     * p99 under 100 ms at half of capacity), on the service and then, at the same rate, on the plain-JDBC page.
     */
    void fixedRate(Screen s, String token) throws Exception {
        double capacity = results.stream().filter(r -> r.screen().equals(s.name()) && r.target().equals("duban"))
                .mapToDouble(Result::rps).max().orElse(0);
        if (capacity < 2) {
            return;
        }
        String fixed = env("BENCH_FIXED_RATE", "half");
        double rate = fixed.matches("\\d+(\\.\\d+)?") ? Double.parseDouble(fixed) : Math.floor(capacity / 2);
        double seconds = seconds(fixedDuration);
        java.util.Random random = new java.util.Random(7);
        double plainCapacity = results.stream().filter(r -> r.screen().equals(s.name()) && r.target().equals("plain JDBC"))
                .mapToDouble(Result::rps).max().orElse(0);
        for (String target : s.reference() ? List.of("duban", "plain JDBC") : List.of("duban")) {
            if (target.equals("plain JDBC") && rate > 0.8 * plainCapacity) {
                // the same rate would be over the reference's own capacity: its backlog (session 12: the shared tree at
                // 88/s against a reference that builds 41 trees/s) kept the database busy into the next screens and
                // finally brought the reference down, so every later reference figure was lost
                notes.add(String.format(Locale.ROOT, "%s at %.0f/s: not run on the plain reference, whose best closed-loop figure is %.0f/s",
                        s.name(), rate, plainCapacity));
                continue;
            }
            int port = target.equals("duban") ? servicePort : plainPort;
            long pid = target.equals("duban") ? service.pid() : plain.pid();
            if (!settle(pid)) {
                notes.add(s.name() + " at a fixed rate, " + target + ": started with the target or the database still busy after 30 s");
            }
            FixedRateLoad.Outcome o;
            try (Changes changes = changes(s)) {
                o = FixedRateLoad.run(i -> FixedRateLoad.get("http://127.0.0.1:" + port + pathFor(s, random), token), rate, seconds, 2000);
            }
            paced.add(new Paced(s.name(), target, o));
            System.out.printf("%-52s %-10s R=%-6.0f %8.1f ok/s p50 %7.1f ms p99 %7.1f ms max %7.1f ms failed %d%n", s.name(), target, rate,
                    o.achieved(), o.p50ms(), o.p99ms(), o.maxMs(), o.failed());
        }
    }

    /** The screen's path for one request: a screen with a Lua body asks for a random task (the only such screen). */
    static String pathFor(Screen s, java.util.Random random) {
        return s.lua() == null ? s.path() : "/api/v1/tasks/" + (1 + random.nextInt(20000));
    }

    static double seconds(String wrkDuration) {
        Matcher m = Pattern.compile("(\\d+)([smh]?)").matcher(wrkDuration.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("duration " + wrkDuration);
        }
        int n = Integer.parseInt(m.group(1));
        return switch (m.group(2)) {
            case "m" -> n * 60;
            case "h" -> n * 3600;
            default -> n;
        };
    }

    // ---- writes --------------------------------------------------------------------------------------------

    /**
     * One write path per workflow, on the service only (the plain-JDBC reference serves reads): an item goes round
     * verify → return → report done (office, office, its lead unit's liaison); a report of 2026-11 goes round return →
     * submit (office, its unit's liaison). Each run starts from the rows' state and version in the database, and the
     * script keeps each row's version from the answers, so every request is a legal transition.
     */
    void writes() throws Exception {
        String office = token("office-bench", "领导小组办公室", "office", null);
        // the writes change what the reads read (each report submission adds ~15 progress rows: a plan's dashboard read
        // 36 000 history rows on a fresh set, 63 000 after three runs): the next run loads the data set afresh
        try (Connection c = DriverManager.getConnection(ProvinceDataSet.schemaUrl(dbHost, dbPort, schema), dbUser, dbPassword)) {
            ProvinceDataSet.markWritten(c);
        }
        for (int c : connections) {
            if (selected("item transition")) {
                settle(service.pid());
                results.add(write("item transition (verify/return/done)", itemScript(office), c));
            }
            if (selected("report submission")) {
                settle(service.pid());
                results.add(write("report submission (return/submit)", reportScript(office), c));
            }
        }
    }

    Result write(String name, String lua, int conns) throws Exception {
        Path script = Files.writeString(out.resolve("write.lua"), lua + DONE);
        settle(service.pid());
        double cpu0 = cpuSeconds(service.pid());
        long sel0 = selects();
        Map<String, Long> m = wrk(script, "http://127.0.0.1:" + servicePort, conns, duration);
        Result r = result(name, "duban", conns, m, cpuSeconds(service.pid()) - cpu0, selects() - sel0);
        System.out.printf("%-52s %-10s c=%-4d %8.1f req/s p50 %7.1f ms p99 %7.1f ms errors %d non-2xx %d%n", name, "duban", conns, r.rps(),
                r.p50ms(), r.p99ms(), r.errors(), r.non2xx());
        return r;
    }

    static final String WRITE_LUA = """
            local n = 0
            function setup(thread) thread:set("tid", n); n = n + 1 end
            local counter = 0
            local versions = {}
            function request()
              local per = math.floor(#rows / THREADS)
              local k = counter %% per
              local round = math.floor(counter / per)
              counter = counter + 1
              local row = rows[k * THREADS + tid + 1]
              local id = row[1]
              local v = versions[id] or row[2]
              local step = steps[(row[3] + round) %% #steps + 1]
              local tok = step[2] == "office" and OFFICE or row[4]
              return wrk.format("POST", step[1]:gsub("{id}", tostring(id)), {["Authorization"] = "Bearer " .. tok,
                ["Content-Type"] = "application/json"}, string.format(step[3], v))
            end
            function response(status, headers, body)
              local id = tonumber(string.match(body, '^{"id":(%%d+)'))
              local v = tonumber(string.match(body, '"version":(%%d+),"audit"'))
              if id and v then versions[id] = v end
            end
            """;

    String itemScript(String office) throws Exception {
        StringBuilder rows = new StringBuilder("rows = {\n");
        Map<String, String> tokens = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(ProvinceDataSet.schemaUrl(dbHost, dbPort, schema), dbUser, dbPassword);
                Statement s = c.createStatement(); ResultSet r = s.executeQuery("select i.id, i.version, i.state, u.code from ticket_item i "
                        + "join unit u on u.id = i.lead_unit_id where i.id in (select id from (select id from ticket_item "
                        + "where state in ('DONE_REPORTED', 'VERIFIED', 'RETURNED') order by id desc limit 600) x) order by i.id")) {
            while (r.next()) {
                int phase = switch (r.getString(3)) {
                    case "DONE_REPORTED" -> 0;
                    case "VERIFIED" -> 1;
                    default -> 2;
                };
                String code = r.getString(4);
                if (!tokens.containsKey(code)) {
                    tokens.put(code, token("liaison-" + code, code + " 联络员", "unit", code));
                }
                rows.append("  {").append(r.getLong(1)).append(", ").append(r.getLong(2)).append(", ").append(phase).append(", '")
                        .append(tokens.get(code)).append("'},\n");
            }
        }
        return rows.append("}\nTHREADS = ").append(threads).append("\nOFFICE = '").append(office).append("'\nsteps = {\n")
                .append("  {'/api/v1/ticket-items/{id}/verifications', 'office', '{\"version\":%d}'},\n")
                .append("  {'/api/v1/ticket-items/{id}/returns', 'office', '{\"text\":\"办结材料不全，请补充\",\"version\":%d}'},\n")
                .append("  {'/api/v1/ticket-items/{id}/completions', 'unit', '{\"text\":\"已补充材料并办结\",\"version\":%d}'},\n}\n")
                .append(WRITE_LUA.formatted()).toString();
    }

    String reportScript(String office) throws Exception {
        StringBuilder rows = new StringBuilder("rows = {\n");
        try (Connection c = DriverManager.getConnection(ProvinceDataSet.schemaUrl(dbHost, dbPort, schema), dbUser, dbPassword);
                Statement s = c.createStatement(); ResultSet r = s.executeQuery("select r.id, r.version, r.status, u.code from monthly_report r "
                        + "join unit u on u.id = r.unit_id where r.report_month = '2026-11' and r.status in ('SUBMITTED', 'RETURNED') order by r.id")) {
            while (r.next()) {
                String code = r.getString(4);
                rows.append("  {").append(r.getLong(1)).append(", ").append(r.getLong(2)).append(", ")
                        .append(r.getString(3).equals("SUBMITTED") ? 0 : 1).append(", '").append(token("liaison-" + code, code + " 联络员", "unit", code))
                        .append("'},\n");
            }
        }
        return rows.append("}\nTHREADS = ").append(threads).append("\nOFFICE = '").append(office).append("'\nsteps = {\n")
                .append("  {'/api/v1/reports/{id}/returns', 'office', '{\"reason\":\"请补充本月工作量化指标\",\"version\":%d}'},\n")
                .append("  {'/api/v1/reports/{id}/submissions', 'unit', '{\"version\":%d}'},\n}\n")
                .append(WRITE_LUA.formatted()).toString();
    }

    // ---- EXPLAIN of the service's heaviest statements ------------------------------------------------------

    /** The statements Hibernate sends for the slowest pages (the page query of each, written out as SQL), explained. */
    static final Map<String, String> EXPLAINED = new LinkedHashMap<>();

    static {
        // the service's statements since issue 11 (DispatchRepository.matching): the page's ids as a union, then the rows
        EXPLAINED.put("inbox page ids (union of lead and cooperating, by deadline)", "select m.id from (select i.id, i.deadline from "
                + "ticket_item i where i.lead_unit_id = 17 union select i.id, i.deadline from ticket_item_cooperating_unit c join ticket_item i "
                + "on i.id = c.item_id where c.unit_id = 17) m order by m.deadline, m.id limit 100");
        EXPLAINED.put("inbox count", "select count(*) from (select i.id, i.deadline from ticket_item i where i.lead_unit_id = 17 union "
                + "select i.id, i.deadline from ticket_item_cooperating_unit c join ticket_item i on i.id = c.item_id where c.unit_id = 17) m");
        // the service's shape (plan/TaskService.reportingUnitIds): two correlated EXISTS per unit, each an index lookup
        EXPLAINED.put("standings: units expected to report", "select u.id, case when exists (select 1 from task_responsible_unit r "
                + "where r.unit_id = u.id and r.role = 'LEAD') or exists (select 1 from task_responsible_unit r where r.unit_id = u.id "
                + "and r.role = 'MAIN') then 1 else 0 end from unit u order by u.id");
        EXPLAINED.put("task list page", "select t.* from task t join plan p on p.id = t.plan_id left join area a on a.id = t.area_id "
                + "left join task pt on pt.id = t.parent_id left join city c on c.id = t.cross_city_lead_city_id where t.plan_id = 10 "
                + "and t.status = 'IN_PROGRESS' order by t.deadline desc, t.id limit 100");
        EXPLAINED.put("problems page ids (CLASSIFIED, newest first)", "select p.id from problem p where p.status = 'CLASSIFIED' "
                + "order by p.id desc limit 100");
        EXPLAINED.put("supervision cases page", "select s.* from supervision_case s order by s.id desc limit 100");
        EXPLAINED.put("notifications page", "select n.* from notification n where n.unit_id = 17 order by n.on_date desc, n.id desc limit 100");
    }

    final Map<String, String> explains = new LinkedHashMap<>();

    /**
     * Publication generation (issue 10) on plan 10: a monthly bulletin, a quarterly summary and the annual ranking, each
     * generated once and timed (a draft exists once per kind, plan and period, so a rerun on the same schema walks back to
     * a period not generated yet). One request each, so a latency, not a throughput.
     */
    void generations(String office) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String[][] kinds = {{"MONTHLY_BULLETIN", "month"}, {"QUARTERLY_SUMMARY", "quarter"}, {"ANNUAL_ASSESSMENT", "year"}};
        java.time.YearMonth last = java.time.YearMonth.of(2026, 11);
        for (String[] kind : kinds) {
            String outcome = "no period left to generate";
            for (int back = 0; back < 24; back++) {
                java.time.YearMonth m = last.minusMonths(back * (kind[1].equals("quarter") ? 3 : kind[1].equals("year") ? 12 : 1));
                String period = switch (kind[1]) {
                    case "quarter" -> m.getYear() + "-Q" + ((m.getMonthValue() - 1) / 3 + 1);
                    case "year" -> String.valueOf(m.getYear() - 1);
                    default -> m.toString();
                };
                long start = System.nanoTime();
                var answer = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + servicePort
                                + "/api/v1/publications")).timeout(Duration.ofMinutes(5)).header("Authorization", "Bearer " + office)
                        .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                "{\"kind\": \"" + kind[0] + "\", \"planId\": 10, \"period\": \"" + period + "\"}")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                double ms = (System.nanoTime() - start) / 1e6;
                if (answer.statusCode() == 409 || answer.statusCode() == 400) {
                    continue; // generated by an earlier run, or a period the kind does not take: the one before
                }
                outcome = String.format(Locale.ROOT, "%s %s: %d in %.0f ms, %d bytes", kind[0], period, answer.statusCode(), ms,
                        answer.body().length());
                break;
            }
            notes.add("generation " + outcome);
        }
    }

    void explains() {
        try (Connection c = DriverManager.getConnection(ProvinceDataSet.schemaUrl(dbHost, dbPort, schema), dbUser, dbPassword);
                Statement s = c.createStatement()) {
            for (var e : EXPLAINED.entrySet()) {
                StringBuilder b = new StringBuilder("| id | select_type | table | type | key | rows | Extra |\n| --- | --- | --- | --- | --- | ---: | --- |\n");
                try (ResultSet r = s.executeQuery("explain " + e.getValue())) {
                    while (r.next()) {
                        b.append("| ").append(r.getString("id")).append(" | ").append(r.getString("select_type")).append(" | ")
                                .append(r.getString("table")).append(" | ").append(r.getString("type")).append(" | ").append(r.getString("key"))
                                .append(" | ").append(r.getString("rows")).append(" | ").append(r.getString("Extra")).append(" |\n");
                    }
                }
                long t = System.nanoTime();
                try (ResultSet r = s.executeQuery(e.getValue())) {
                    while (r.next()) {
                        // read it all
                    }
                }
                explains.put(e.getKey(), "`" + e.getValue() + "`\n\nalone: " + String.format("%.1f ms", (System.nanoTime() - t) / 1e6) + "\n\n" + b);
            }
        } catch (Exception e) {
            explains.put("EXPLAIN failed", e.toString());
        }
    }

    // ---- report --------------------------------------------------------------------------------------------

    /** With BENCH_NMT: jcmd's native memory summary into nmt.txt, and its committed MB per category in one line. */
    String nativeMemory() {
        if (nmt.isBlank()) {
            return null;
        }
        try {
            Path jcmd = Path.of(javaBin()).resolveSibling("jcmd");
            Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(service.pid()), "VM.native_memory", "summary", "scale=MB")
                    .redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            Files.writeString(out.resolve("nmt.txt"), text);
            if (nmt.equals("detail")) {
                // the allocation sites of each category (which code holds the "Other" of direct buffers, say)
                Process d = new ProcessBuilder(jcmd.toString(), String.valueOf(service.pid()), "VM.native_memory", "detail", "scale=KB")
                        .redirectErrorStream(true).redirectOutput(out.resolve("nmt-detail.txt").toFile()).start();
                d.waitFor();
            }
            List<String> parts = new ArrayList<>();
            // "Total: reserved=..MB, committed=..MB" and "-   Java Heap (reserved=..MB, committed=..MB)"
            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("(?m)^(?:Total:|-\\s+(.+?)\\s+\\()\\s*reserved=\\d+MB, committed=(\\d+)MB").matcher(text);
            while (m.find()) {
                String name = m.group(1) == null ? "total" : m.group(1).strip().toLowerCase(java.util.Locale.ROOT);
                if (m.group(1) == null || Integer.parseInt(m.group(2)) >= 3) {
                    parts.add(name + " " + m.group(2));
                }
            }
            return String.join(", ", parts);
        } catch (Exception e) {
            return "jcmd failed: " + e;
        }
    }

    void report() throws Exception {
        long rss = rssKb(service.pid());
        long peak = statusKb(service.pid(), "VmHWM:");
        long plainRss = rssKb(plain.pid());
        String nmtSummary = nativeMemory();
        StringBuilder b = new StringBuilder();
        b.append("# make bench — province scale (issue 11)\n\n");
        b.append("- date: ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append('\n');
        b.append("- machine: ").append(machine()).append('\n');
        b.append("- load average (/proc/loadavg) at start: ").append(loadAtStart).append("; at the end: ").append(loadAverage())
                .append(" (the machine is shared: anything above ~0.5 at start is someone else's work)\n");
        b.append("- load: wrk ").append(threads).append(" threads, ").append(connections).append(" connections, warm-up ").append(warmup)
                .append(" once per screen and target, then ").append(duration).append(" per run (closed loop: Debian's wrk 4 has no -R fixed rate), loopback\n");
        b.append("- data: schema `").append(schema).append("`, ").append(ProvinceDataSet.SHAPE).append("; ").append(String.join("; ", notes)).append('\n');
        if (!warmUps.isEmpty()) {
            b.append("- JIT warm-up before anything is measured, every screen at ").append(connections.get(0)).append(" connections in ")
                    .append(JIT_STEP).append(" steps until two in a row are < 10 % above the best before them (pages/s): ").append(String.join("; ", warmUps))
                    .append('\n');
        }
        b.append("- service: the packaged jar, started like `make run` (").append(env("BENCH_JAVA_OPTS", "deploy/local/jvm.options"))
                .append("), pool ").append(env("DUBAN_DB_POOL_MAX", "16")).append(" connections; tokens from a throw-away OIDC issuer (RS256)\n");
        b.append(String.format("- service launch to ready (`/q/health/ready` 200): %.1f s, %.1f s of CPU by then (the CPU figure is the one"
                + " a loaded machine does not inflate; deploy/bench-notes/measure-start.sh repeats starts alone)%n", readySeconds, readyCpuSeconds));
        b.append(String.format("- RSS after the run: service %d MB (peak during the run, VmHWM: %d MB), plain-JDBC reference %d MB%n",
                rss / 1024, peak / 1024, plainRss / 1024));
        if (!residentByPhase.isEmpty()) {
            b.append("- service RSS / peak so far (MB) after each phase, with the resident set's anonymous and file-backed parts now: ").append(String.join("; ", residentByPhase)).append('\n');
        }
        if (nmtSummary != null) {
            b.append("- native memory tracking at the end (committed MB; whole output in nmt.txt): ").append(nmtSummary).append('\n');
        }
        List<String> serviceLog = Files.readAllLines(out.resolve("service.log"));
        long timeouts = serviceLog.stream().filter(l -> l.contains("Sorry, acquisition timeout")).count();
        boolean noArchive = serviceLog.stream().anyMatch(l -> l.contains("Unable to use shared archive"));
        if (noArchive) {
            // e.g. the jar copied without its time (cp rather than cp -a): start time and class memory are not as shipped
            b.append("- **the JVM refused the AppCDS archive** (see the service log's first lines): start and resident set are not as shipped\n");
            System.out.println("WARNING: the service ran without its AppCDS archive (service.log): start and memory figures are not as shipped");
        }
        b.append("- connection-pool acquisition time-outs in the service log (each a 503 to a client): ").append(timeouts).append('\n');
        // an incident the operator would be paged for; a client closing its connection mid-answer is not one (session 21)
        long errors = serviceLog.stream().filter(l -> l.contains("\"level\":\"ERROR\"")).count();
        b.append("- ERROR lines in the service log (incidents for the operator; should be 0): ").append(errors).append('\n');
        Path gcLog = out.resolve("gc.log");
        if (Files.exists(gcLog)) {
            List<Double> full = Files.readAllLines(gcLog).stream().filter(l -> l.contains("Pause Full"))
                    .map(l -> Double.parseDouble(l.replaceAll(".* ([0-9.]+)ms$", "$1"))).toList();
            b.append(String.format(Locale.ROOT, "- the service's full collections (gc.log): %d, longest %.0f ms%n", full.size(),
                    full.stream().mapToDouble(Double::doubleValue).max().orElse(0)));
        }
        b.append("- statements/request: the server's `Com_select` delta over the run divided by the requests (global: other users of the "
                + "server add to it); CPU s: user+system seconds of the target's JVM during the run\n\n");
        b.append("| screen | conns | duban 2xx/s | p50 ms | p99 ms | errors | non-2xx | plain 2xx/s | p50 ms | p99 ms | ratio | duban CPU s | plain CPU s "
                + "| selects/req duban | plain |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (int i = 0; i < results.size(); i++) {
            Result d = results.get(i);
            Result p = i + 1 < results.size() && results.get(i + 1).target().equals("plain JDBC") ? results.get(++i) : null;
            b.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %d | %d | %s | %s | %s | %s | %.1f | %s | %.1f | %s |%n", d.screen(),
                    d.connections(), d.rps(), d.p50ms(), d.p99ms(), d.errors(), d.non2xx(), p == null ? "—" : String.format("%.1f", p.rps()),
                    p == null ? "—" : String.format("%.1f", p.p50ms()), p == null ? "—" : String.format("%.1f", p.p99ms()),
                    p == null || p.rps() == 0 ? "—" : String.format("%.0f %%", 100 * d.rps() / p.rps()), d.cpuSeconds(),
                    p == null ? "—" : String.format("%.1f", p.cpuSeconds()), d.selectsPerRequest(),
                    p == null ? "—" : String.format("%.1f", p.selectsPerRequest())));
        }
        if (!paced.isEmpty()) {
            b.append("\n## Latency at a fixed arrival rate (open model, half of the service's best closed-loop throughput)\n\n")
                    .append("Requests start on schedule whether or not earlier ones are answered; each latency counts from when the request "
                            + "was due (no coordinated omission). Target: p99 under 100 ms.\n\n")
                    .append("| screen | target | rate/s | answered 2xx/s | p50 ms | p90 ms | p99 ms | max ms | failed |\n")
                    .append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            for (Paced p : paced) {
                FixedRateLoad.Outcome o = p.outcome();
                b.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %.1f | %.1f | %.1f | %.1f | %.1f | %d |%n", p.screen(), p.target(), o.rate(),
                        o.achieved(), o.p50ms(), o.p90ms(), o.p99ms(), o.maxMs(), o.failed()));
            }
        }
        b.append("\n![throughput](chart.png)\n\n## Start-up, from the service log (launched at ").append(launchedAt)
                .append(" UTC; log times are Asia/Shanghai)\n\n```\n");
        try (var lines = Files.lines(out.resolve("service.log"))) {
            lines.filter(l -> l.contains("Connecting to OpenId") || l.contains("Reading from") || l.contains("Listening on"))
                    .limit(5).forEach(l -> b.append(l, 0, Math.min(l.length(), 200)).append('\n'));
        }
        b.append("```\n\n## The heaviest statements, explained (on this data set)\n\n");
        explains.forEach((k, v) -> b.append("### ").append(k).append("\n\n").append(v).append('\n'));
        Files.writeString(out.resolve("report.md"), b.toString());
        chart(out.resolve("chart.png").toFile());
        System.out.println(b);
    }

    static String machine() {
        String cpu = "?";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 2)).orElse("?");
        } catch (IOException e) {
            // not Linux
        }
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + ", Java " + System.getProperty("java.version");
    }

    /** Throughput per screen: duban and plain JDBC side by side, one group per connection count. */
    void chart(File file) throws IOException {
        List<Result[]> pairs = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            Result d = results.get(i);
            Result p = i + 1 < results.size() && results.get(i + 1).target().equals("plain JDBC") ? results.get(++i) : null;
            pairs.add(new Result[] {d, p});
        }
        int rowH = 34, left = 430, width = 1200, height = 90 + pairs.size() * rowH;
        double max = results.stream().mapToDouble(Result::rps).max().orElse(1);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString("make bench: requests/s, duban (blue) vs plain JDBC (grey), " + duration + " per run", 20, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int y = 60;
        for (Result[] pr : pairs) {
            g.setColor(Color.BLACK);
            g.drawString(pr[0].screen() + "  c=" + pr[0].connections(), 10, y + 14);
            int bw = (int) ((width - left - 80) * pr[0].rps() / max);
            g.setColor(new Color(40, 100, 200));
            g.fillRect(left, y, Math.max(1, bw), 13);
            g.setColor(Color.BLACK);
            g.drawString(String.format("%.0f", pr[0].rps()) + (pr[0].non2xx() + pr[0].errors() > 0 ? "  (" + (pr[0].non2xx() + pr[0].errors())
                    + " failed)" : ""), left + bw + 4, y + 11);
            if (pr[1] != null) {
                int pw = (int) ((width - left - 80) * pr[1].rps() / max);
                g.setColor(new Color(150, 150, 150));
                g.fillRect(left, y + 15, Math.max(1, pw), 13);
                g.setColor(Color.BLACK);
                g.drawString(String.format("%.0f", pr[1].rps()), left + pw + 4, y + 26);
            }
            y += rowH;
        }
        g.setStroke(new BasicStroke(1));
        g.drawLine(left, 50, left, height - 20);
        g.dispose();
        ImageIO.write(img, "png", file);
    }
}
