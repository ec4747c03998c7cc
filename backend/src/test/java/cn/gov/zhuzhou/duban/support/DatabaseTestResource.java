package cn.gov.zhuzhou.duban.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Gives each test run a fresh schema of its own on the real MySQL-protocol server (never H2), reached through a
 * {@link TcpProxy} the tests can cut, and drops the schema when the run ends.
 * Server: DUBAN_TEST_DB_HOST / DUBAN_TEST_DB_PORT / DUBAN_TEST_DB_USER / DUBAN_TEST_DB_PASSWORD (default 127.0.0.1:3306, root).
 */
public class DatabaseTestResource implements QuarkusTestResourceLifecycleManager {

    private String schema;
    private TcpProxy proxy;

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private final String host = env("DUBAN_TEST_DB_HOST", "127.0.0.1");
    private final int port = Integer.parseInt(env("DUBAN_TEST_DB_PORT", "3306"));
    private final String user = env("DUBAN_TEST_DB_USER", "root");
    private final String password = env("DUBAN_TEST_DB_PASSWORD", "");

    @Override
    public Map<String, String> start() {
        schema = "duban_test_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff));
        execute("create database " + schema + " character set utf8mb4 collate utf8mb4_unicode_ci");
        try {
            proxy = new TcpProxy(host, port);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot start the database proxy", e);
        }
        String url = "jdbc:mysql://127.0.0.1:" + proxy.port() + "/" + schema
                + "?characterEncoding=UTF-8&connectTimeout=2000&socketTimeout=20000";
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(proxy, new TestInjector.AnnotatedAndMatchesType(InjectDbProxy.class, TcpProxy.class));
    }

    @Override
    public void stop() {
        try {
            if (proxy != null) {
                proxy.close();
            }
        } catch (java.io.IOException ignored) {
            // the run is over
        }
        if (schema != null) {
            execute("drop database if exists " + schema);
        }
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:mysql://" + host + ":" + port + "/?connectTimeout=5000", user, password);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("database server at " + host + ":" + port + " refused: " + e.getMessage()
                    + " (start MariaDB or MySQL there, or set DUBAN_TEST_DB_HOST/PORT)", e);
        }
    }
}
