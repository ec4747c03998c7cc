package cn.gov.zhuzhou.duban.bench;

import cn.gov.zhuzhou.duban.plan.ProgressLight;
import cn.gov.zhuzhou.duban.plan.ProgressRollup;
import cn.gov.zhuzhou.duban.plan.TaskStatus;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The plain-JDBC reference of `make bench` (issue 11): the busiest read pages of the API, served by the JDK's HTTP
 * server, a fixed pool of JDBC connections and hand-written SQL and JSON, at the same paths and with the same query
 * parameters, so that wrk can drive it with the same scripts. It is what the service could do at best on the same
 * database: every figure of the report is a ratio to it.
 *
 * <p>Same rows (filters, order, page, totals) and the fields a screen shows; where it differs from the service:
 * no token check and no role or unit scope (everything is read as the office would), no ETag/version headers,
 * the audit block carries only updatedAt, and the inbox query is written as a union of "leads" and "cooperates"
 * (what a person would write by hand; the service's JPQL says {@code u.id = :u or :u member of ...}). The lights
 * come from the service's own pure rule ({@link ProgressLight}) with the default margins, on today's date.
 */
public final class PlainJdbcServer {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /**
     * The day lights and overdue items are judged on: the clock of the packaged service this page is compared with,
     * which runs on the system clock in Asia/Shanghai (one place, so both judge the same day).
     */
    private final java.time.Clock clock = java.time.Clock.system(ZONE);
    static final DateTimeFormatter ODT = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    static final ProgressLight.Margins MARGINS = new ProgressLight.Margins(10, 25, 7, 3);

    final BlockingQueue<Connection> pool;

    LocalDate today() {
        return LocalDate.now(clock);
    }

    PlainJdbcServer(String url, String user, String password, int size) throws SQLException {
        pool = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            Connection c = DriverManager.getConnection(url, user, password);
            c.setReadOnly(true);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            pool.add(c);
        }
    }

    interface Page {
        String render(Connection c, Map<String, String> q, String[] path) throws SQLException;
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String url = args[1];
        int poolSize = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        PlainJdbcServer s = new PlainJdbcServer(url, ProvinceDataSet.env("DUBAN_DB_USER", "root"), ProvinceDataSet.env("DUBAN_DB_PASSWORD", ""),
                poolSize);
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        http.setExecutor(Executors.newFixedThreadPool(poolSize * 2));
        Map<String, Page> pages = new LinkedHashMap<>();
        pages.put("tasks", s::tasks);
        pages.put("plans", s::tree);
        pages.put("ticket-items", s::inbox);
        pages.put("supervision-cases", s::cases);
        pages.put("reporting-months", s::standings);
        pages.put("problems", s::problems);
        pages.put("sessions", s::sessions);
        pages.put("notifications", s::notifications);
        http.createContext("/ready", e -> reply(e, 200, "{}"));
        http.createContext("/api/v1/", e -> s.handle(e, pages));
        http.start();
        System.out.println("plain-JDBC reference on http://127.0.0.1:" + port + " (pool " + poolSize + ")");
    }

    void handle(HttpExchange e, Map<String, Page> pages) throws IOException {
        String[] path = e.getRequestURI().getPath().substring("/api/v1/".length()).split("/");
        Page page = pages.get(path[0]);
        if (page == null) {
            reply(e, 404, "{\"title\":\"Not Found\"}");
            return;
        }
        Map<String, String> q = query(e.getRequestURI().getRawQuery());
        Connection c = null;
        try {
            c = pool.poll(3, TimeUnit.SECONDS);
            if (c == null) {
                reply(e, 503, "{\"title\":\"busy\"}");
                return;
            }
            String body = page.render(c, q, path);
            reply(e, body == null ? 404 : 200, body == null ? "{\"title\":\"Not Found\"}" : body);
        } catch (IOException ex) {
            // the client has gone (wrk closes its connections at the end of a run)
        } catch (Exception ex) {
            ex.printStackTrace();
            reply(e, 500, "{\"title\":\"" + ex.getClass().getSimpleName() + "\"}");
        } finally {
            if (c != null) {
                pool.add(c);
            }
        }
    }

    static void reply(HttpExchange e, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        e.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        e.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = e.getResponseBody()) {
            out.write(bytes);
        }
    }

    static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw != null) {
            for (String kv : raw.split("&")) {
                int i = kv.indexOf('=');
                if (i > 0) {
                    q.put(kv.substring(0, i), URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return q;
    }

    static int page(Map<String, String> q) {
        return Integer.parseInt(q.getOrDefault("page", "1"));
    }

    static int size(Map<String, String> q) {
        return Math.min(200, Integer.parseInt(q.getOrDefault("size", "20")));
    }

    // ---- JSON ----------------------------------------------------------------------------------------------

    static String str(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** An object from key/value pairs; a null value is left out (the service's non-null inclusion). */
    static String obj(Object... kv) {
        StringJoiner j = new StringJoiner(",", "{", "}");
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            if (v == null) {
                continue;
            }
            j.add("\"" + kv[i] + "\":" + value(v));
        }
        return j.toString();
    }

    /** A value already rendered as JSON. */
    record Raw(String json) {
    }

    static String value(Object v) {
        if (v instanceof Raw r) {
            return r.json;
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        if (v instanceof java.time.LocalDateTime t) {
            return str(t.atOffset(ZoneOffset.UTC).atZoneSameInstant(ZONE).toOffsetDateTime().format(ODT));
        }
        if (v instanceof Timestamp t) {
            return str(t.toLocalDateTime().atOffset(ZoneOffset.UTC).atZoneSameInstant(ZONE).toOffsetDateTime().format(ODT));
        }
        if (v instanceof List<?> l) {
            StringJoiner j = new StringJoiner(",", "[", "]");
            l.forEach(x -> j.add(value(x)));
            return j.toString();
        }
        return str(v.toString());
    }

    static Raw raw(String json) {
        return new Raw(json);
    }

    static String pageOf(List<String> items, Map<String, String> q, long total) {
        int size = size(q);
        return "{\"items\":[" + String.join(",", items) + "],\"page\":" + page(q) + ",\"size\":" + size + ",\"totalItems\":" + total
                + ",\"totalPages\":" + ((total + size - 1) / size) + "}";
    }

    static Raw light(ProgressLight l) {
        return raw(obj("color", l.color().name(), "expectedPercent", l.expectedPercent(), "reportedPercent", l.reportedPercent(),
                "daysToDeadline", l.daysToDeadline(), "reason", l.reason()));
    }

    static Raw unitRef(ResultSet r, String prefix) throws SQLException {
        return raw(obj("id", r.getLong(prefix + "id"), "code", r.getString(prefix + "code"), "name", r.getString(prefix + "name"),
                "cityCode", r.getString(prefix + "city")));
    }

    static LocalDate date(ResultSet r, String col) throws SQLException {
        java.sql.Date d = r.getDate(col);
        return d == null ? null : d.toLocalDate();
    }

    static String in(List<Long> ids) {
        StringJoiner j = new StringJoiner(",", "(", ")");
        ids.forEach(i -> j.add(i.toString()));
        return j.toString();
    }

    static long count(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                p.setObject(i + 1, params[i]);
            }
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    // ---- tasks ---------------------------------------------------------------------------------------------

    static final Map<String, String> TASK_SORTS = Map.of("order", "t.sort_order", "code", "t.code", "title", "t.title", "deadline",
            "t.deadline", "status", "t.status", "progressPercent", "t.progress_percent", "updatedAt", "t.updated_at");

    static final String TASK_COLUMNS = "select t.id, t.plan_id, t.code, t.kind, t.title, t.description, t.lead_clause, t.parent_id, "
            + "t.deadline, t.start_date, t.weight, t.status, t.progress_percent, t.version, t.updated_at, t.created_at, t.created_by, t.updated_by, p.period_start, "
            + "a.id a_id, a.code a_code, a.name a_name, a.sort_order a_sort, lc.code lc_code, lc.name lc_name, lc.id lc_id "
            + "from task t join plan p on p.id = t.plan_id left join area a on a.id = t.area_id left join city lc on lc.id = t.cross_city_lead_city_id ";

    String tasks(Connection c, Map<String, String> q, String[] path) throws SQLException {
        if (path.length > 1) {
            return oneTask(c, Long.parseLong(path[1]));
        }
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder("where 1 = 1");
        if (q.containsKey("planId")) {
            where.append(" and t.plan_id = ?");
            params.add(Long.parseLong(q.get("planId")));
        }
        if (q.containsKey("status")) {
            where.append(" and t.status = ?");
            params.add(q.get("status"));
        }
        if (q.containsKey("kind")) {
            where.append(" and t.kind = ?");
            params.add(q.get("kind"));
        }
        String sort = q.getOrDefault("sort", "order");
        boolean desc = sort.startsWith("-");
        String order = TASK_SORTS.get(desc ? sort.substring(1) : sort) + (desc ? " desc" : "") + ", t.id";
        long total = count(c, "select count(*) from task t " + where, params.toArray());
        List<Map<String, Object>> rows = taskRows(c, TASK_COLUMNS + where + " order by " + order + " limit " + size(q) + " offset "
                + (page(q) - 1) * size(q), params);
        return pageOf(taskViews(c, rows), q, total);
    }

    static ProgressRollup.Node node(long id, Number parent, String status, int percent, Number weight) {
        return new ProgressRollup.Node(id, parent == null || parent.longValue() == 0 ? null : parent.longValue(), TaskStatus.valueOf(status),
                percent, weight == null ? null : weight.intValue());
    }

    String oneTask(Connection c, long id) throws SQLException {
        List<Map<String, Object>> rows = taskRows(c, TASK_COLUMNS + "where t.id = ?", List.of(id));
        return rows.isEmpty() ? null : taskViews(c, rows).get(0);
    }

    List<Map<String, Object>> taskRows(Connection c, String sql, List<Object> params) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                p.setObject(i + 1, params.get(i));
            }
            try (ResultSet r = p.executeQuery()) {
                int n = r.getMetaData().getColumnCount();
                while (r.next()) {
                    Map<String, Object> row = new HashMap<>();
                    for (int i = 1; i <= n; i++) {
                        row.put(r.getMetaData().getColumnLabel(i), r.getObject(i));
                    }
                    out.add(row);
                }
            }
        }
        return out;
    }

    Map<Long, List<String>> responsible(Connection c, List<Long> ids) throws SQLException {
        Map<Long, List<String>> by = new HashMap<>();
        if (ids.isEmpty()) {
            return by;
        }
        try (PreparedStatement p = c.prepareStatement("select r.task_id, r.role, u.id u_id, u.code u_code, u.name u_name, ci.code u_city "
                + "from task_responsible_unit r join unit u on u.id = r.unit_id join city ci on ci.id = u.city_id where r.task_id in " + in(ids)
                + " order by r.id"); ResultSet r = p.executeQuery()) {
            while (r.next()) {
                by.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(obj("unit", unitRef(r, "u_"), "role", r.getString(2)));
            }
        }
        return by;
    }

    Map<Long, List<String>> crossLeads(Connection c, List<Long> ids) throws SQLException {
        Map<Long, List<String>> by = new HashMap<>();
        if (ids.isEmpty()) {
            return by;
        }
        try (PreparedStatement p = c.prepareStatement("select l.task_id, u.id u_id, u.code u_code, u.name u_name, ci.code u_city "
                + "from task_cross_city_lead_unit l join unit u on u.id = l.unit_id join city ci on ci.id = u.city_id where l.task_id in "
                + in(ids) + " order by u.id"); ResultSet r = p.executeQuery()) {
            while (r.next()) {
                by.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(unitRef(r, "u_").json());
            }
        }
        return by;
    }

    List<String> taskViews(Connection c, List<Map<String, Object>> rows) throws SQLException {
        List<Long> ids = rows.stream().map(r -> ((Number) r.get("id")).longValue()).toList();
        Map<Long, List<String>> resp = responsible(c, ids);
        Map<Long, List<String>> leads = crossLeads(c, ids);
        Map<Long, List<String>> milestones = new HashMap<>();
        Map<Long, List<ProgressLight.PlannedPoint>> planned = new HashMap<>();
        // the figures rolled up from each task's sub-tasks, as the service shows them (derivedStatus, derivedProgressPercent)
        List<ProgressRollup.Node> nodes = new ArrayList<>();
        java.util.Set<Long> listed = new java.util.HashSet<>(ids);
        for (Map<String, Object> t : rows) {
            nodes.add(node(((Number) t.get("id")).longValue(), (Number) t.get("parent_id"), (String) t.get("status"),
                    ((Number) t.get("progress_percent")).intValue(), (Number) t.get("weight")));
        }
        if (!ids.isEmpty()) {
            try (PreparedStatement p = c.prepareStatement("select task_id, title, due_date, completed_on, planned_percent from task_milestone "
                    + "where task_id in " + in(ids) + " order by sort_order, id"); ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    LocalDate due = date(r, "due_date");
                    int pp = r.getInt("planned_percent");
                    Integer plannedPercent = r.wasNull() ? null : pp;
                    milestones.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(obj("title", r.getString(2), "dueDate",
                            due, "completedOn", date(r, "completed_on"), "plannedPercent", plannedPercent));
                    if (plannedPercent != null && due != null) {
                        planned.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(new ProgressLight.PlannedPoint(due, plannedPercent));
                    }
                }
            }
            planned.values().forEach(l -> l.sort(java.util.Comparator.comparing(ProgressLight.PlannedPoint::date)));
            try (PreparedStatement p = c.prepareStatement("with recursive sub (id, parent_id, status, progress_percent, weight) as ("
                    + "select id, parent_id, status, progress_percent, weight from task where parent_id in " + in(ids)
                    + " union all select t.id, t.parent_id, t.status, t.progress_percent, t.weight from task t join sub on t.parent_id = sub.id) "
                    + "select id, parent_id, status, progress_percent, weight from sub"); ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    if (!listed.contains(r.getLong(1))) {
                        nodes.add(node(r.getLong(1), (Number) r.getObject(2), r.getString(3), r.getInt(4), (Number) r.getObject(5)));
                    }
                }
            }
        }
        Map<Long, ProgressRollup.Figure> derived = ProgressRollup.derive(nodes);
        LocalDate today = today();
        List<String> out = new ArrayList<>();
        for (Map<String, Object> t : rows) {
            long id = ((Number) t.get("id")).longValue();
            LocalDate deadline = t.get("deadline") == null ? null : ((java.sql.Date) t.get("deadline")).toLocalDate();
            LocalDate startDate = t.get("start_date") == null ? null : ((java.sql.Date) t.get("start_date")).toLocalDate();
            LocalDate start = startDate != null ? startDate
                    : t.get("period_start") == null ? null : ((java.sql.Date) t.get("period_start")).toLocalDate();
            int pct = ((Number) t.get("progress_percent")).intValue();
            ProgressRollup.Figure f = derived.get(id);
            ProgressLight l = ProgressLight.ofTask(start, deadline, planned.getOrDefault(id, List.of()), f.status(), f.percent(), today, MARGINS);
            Raw area = t.get("a_id") == null ? null : raw(obj("id", t.get("a_id"), "code", t.get("a_code"), "name", t.get("a_name"),
                    "sortOrder", t.get("a_sort")));
            Raw cross = t.get("lc_id") == null ? null : raw(obj("city", raw(obj("code", t.get("lc_code"), "name",
                    t.get("lc_name"))), "units", raw("[" + String.join(",", leads.getOrDefault(id, List.of())) + "]")));
            out.add(obj("id", id, "planId", t.get("plan_id"), "code", t.get("code"), "kind", t.get("kind"), "title", t.get("title"),
                    "description", t.get("description"), "leadClause", t.get("lead_clause"), "area", area, "parentId", t.get("parent_id"),
                    "crossCityLead", cross, "responsibleUnits", raw("[" + String.join(",", resp.getOrDefault(id, List.of())) + "]"),
                    "deadline", deadline, "startDate", startDate, "weight", t.get("weight"),
                    "milestones", raw("[" + String.join(",", milestones.getOrDefault(id, List.of())) + "]"),
                    "status", t.get("status"), "progressPercent", pct, "derivedStatus", f.status(), "derivedProgressPercent", f.percent(),
                    "light", light(l), "version", t.get("version"),
                    "audit", raw(obj("createdAt", t.get("created_at"), "createdBy", t.get("created_by"), "updatedAt", t.get("updated_at"),
                            "updatedBy", t.get("updated_by")))));
        }
        return out;
    }

    // ---- plan tree -----------------------------------------------------------------------------------------

    String tree(Connection c, Map<String, String> q, String[] path) throws SQLException {
        long planId = Long.parseLong(path[1]);
        String plan;
        LocalDate start;
        try (PreparedStatement p = c.prepareStatement("select * from plan where id = ?")) {
            p.setLong(1, planId);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                start = date(r, "period_start");
                plan = obj("id", planId, "code", r.getString("code"), "title", r.getString("title"), "issuer", r.getString("issuer"),
                        "documentDate", date(r, "document_date"), "periodStart", start, "periodEnd", date(r, "period_end"), "summary",
                        r.getString("summary"), "version", r.getLong("version"), "audit", raw(obj("updatedAt", r.getTimestamp("updated_at"))));
            }
        }
        List<String> areas = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("select id, code, name, sort_order from area where plan_id = ? order by sort_order, id")) {
            p.setLong(1, planId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    areas.add(obj("id", r.getLong(1), "code", r.getString(2), "name", r.getString(3), "sortOrder", r.getInt(4)));
                }
            }
        }
        record Node(long id, Long parent, String head, List<Node> children) {
        }
        // as the service reads them since session 13: task, unit and role from the index (task_id, role, unit_id), the
        // units once
        Map<Long, Raw> units = new HashMap<>();
        try (PreparedStatement p = c.prepareStatement("select u.id u_id, u.code u_code, u.name u_name, ci.code u_city from unit u "
                + "join city ci on ci.id = u.city_id"); ResultSet r = p.executeQuery()) {
            while (r.next()) {
                units.put(r.getLong(1), unitRef(r, "u_"));
            }
        }
        Map<Long, List<String>> resp = new HashMap<>();
        try (PreparedStatement p = c.prepareStatement("select r.task_id, r.role, r.unit_id from task t join task_responsible_unit r "
                + "on r.task_id = t.id where t.plan_id = ? order by r.id")) {
            p.setLong(1, planId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    resp.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(obj("unit", units.get(r.getLong(3)), "role", r.getString(2)));
                }
            }
        }
        Map<Long, List<String>> leads = new HashMap<>();
        // the cross-city lead units by id from the same units (session 14, as the service)
        try (PreparedStatement p = c.prepareStatement("select l.task_id, l.unit_id from task t join task_cross_city_lead_unit l "
                + "on l.task_id = t.id where t.plan_id = ? order by l.unit_id")) {
            p.setLong(1, planId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    leads.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(units.get(r.getLong(2)).json());
                }
            }
        }
        Map<Long, List<ProgressLight.PlannedPoint>> planned = new HashMap<>();
        try (PreparedStatement p = c.prepareStatement("select m.task_id, m.due_date, m.planned_percent from task_milestone m join task t "
                + "on t.id = m.task_id where t.plan_id = ? and m.planned_percent is not null and m.due_date is not null order by m.due_date")) {
            p.setLong(1, planId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    planned.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(new ProgressLight.PlannedPoint(date(r, "due_date"), r.getInt(3)));
                }
            }
        }
        record Row(long id, Long parent, String code, String kind, String title, String areaCode, Raw cross, LocalDate deadline,
                LocalDate startDate, Object weight, String status, int pct) {
        }
        List<Row> rows = new ArrayList<>();
        List<ProgressRollup.Node> rollup = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("select t.id, t.parent_id, t.code, t.kind, t.title, a.code a_code, t.deadline, t.status, "
                + "t.progress_percent, lc.id lc_id, lc.code lc_code, lc.name lc_name, t.start_date, t.weight from task t "
                + "left join area a on a.id = t.area_id left join city lc on lc.id = t.cross_city_lead_city_id where t.plan_id = ? "
                + "order by t.sort_order, t.id")) {
            p.setLong(1, planId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    long id = r.getLong("id");
                    long parentId = r.getLong("parent_id");
                    Long parent = r.wasNull() || parentId == 0 ? null : parentId;
                    Raw cross = r.getObject("lc_id") == null ? null : raw(obj("city", raw(obj("code", r.getString("lc_code"), "name",
                            r.getString("lc_name"))), "units", raw("[" + String.join(",", leads.getOrDefault(id, List.of())) + "]")));
                    Number weight = (Number) r.getObject("weight");
                    Row row = new Row(id, parent, r.getString("code"), r.getString("kind"), r.getString("title"), r.getString("a_code"), cross,
                            date(r, "deadline"), date(r, "start_date"), weight, r.getString("status"), r.getInt("progress_percent"));
                    rows.add(row);
                    rollup.add(node(id, parent, row.status(), row.pct(), weight));
                }
            }
        }
        Map<Long, ProgressRollup.Figure> derived = ProgressRollup.derive(rollup);
        LocalDate today = today();
        Map<Long, Node> nodes = new LinkedHashMap<>();
        for (Row t : rows) {
            ProgressRollup.Figure f = derived.get(t.id());
            ProgressLight l = ProgressLight.ofTask(t.startDate() != null ? t.startDate() : start, t.deadline(),
                    planned.getOrDefault(t.id(), List.of()), f.status(), f.percent(), today, MARGINS);
            String head = obj("id", t.id(), "code", t.code(), "kind", t.kind(), "title", t.title(), "areaCode", t.areaCode(), "crossCityLead",
                    t.cross(), "responsibleUnits", raw("[" + String.join(",", resp.getOrDefault(t.id(), List.of())) + "]"), "deadline",
                    t.deadline(), "startDate", t.startDate(), "weight", t.weight(), "status", t.status(), "progressPercent", t.pct(),
                    "derivedStatus", f.status(), "derivedProgressPercent", f.percent(), "light", light(l));
            nodes.put(t.id(), new Node(t.id(), t.parent(), head, new ArrayList<>()));
        }
        List<Node> roots = new ArrayList<>();
        for (Node n : nodes.values()) {
            Node parent = n.parent() == null ? null : nodes.get(n.parent());
            (parent == null ? roots : parent.children()).add(n);
        }
        StringBuilder b = new StringBuilder("{\"plan\":").append(plan).append(",\"areas\":[").append(String.join(",", areas)).append("],\"tasks\":");
        java.util.function.BiConsumer<List<Node>, StringBuilder>[] write = new java.util.function.BiConsumer[1];
        write[0] = (list, out) -> {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                Node n = list.get(i);
                out.append(i == 0 ? "" : ",").append(n.head(), 0, n.head().length() - 1).append(",\"children\":");
                write[0].accept(n.children(), out);
                out.append('}');
            }
            out.append(']');
        };
        write[0].accept(roots, b);
        return b.append('}').toString();
    }

    // ---- ticket items --------------------------------------------------------------------------------------

    static final String ITEM_COLUMNS = "select i.id, i.ticket_id, tk.number, i.problem_id, pr.description, i.deadline, i.key_item, "
            + "i.requirement, i.state, i.issued_at, i.acknowledged_at, i.done_report, i.verified_at, i.return_reason, i.version, "
            + "i.created_at, i.created_by, i.updated_at, i.updated_by, u.id u_id, u.code u_code, u.name u_name, ci.code u_city, "
            + "sc.id sc_id, sc.status sc_status from ticket_item i join assignment_ticket tk on tk.id = i.ticket_id "
            + "join problem pr on pr.id = i.problem_id join unit u on u.id = i.lead_unit_id join city ci on ci.id = u.city_id "
            + "left join supervision_case sc on sc.item_id = i.id ";

    /** Item views of the rows of {@code sql} (ITEM_COLUMNS ...), keyed by item id in the rows' order. */
    LinkedHashMap<Long, String> items(Connection c, String sql, Object... params) throws SQLException {
        LinkedHashMap<Long, String> out = new LinkedHashMap<>();
        List<Object[]> rows = new ArrayList<>();
        LocalDate today = today();
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                p.setObject(i + 1, params[i]);
            }
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    long id = r.getLong("id");
                    LocalDate deadline = date(r, "deadline");
                    boolean verified = "VERIFIED".equals(r.getString("state"));
                    long overdueDays = verified || !today.isAfter(deadline) ? 0 : java.time.temporal.ChronoUnit.DAYS.between(deadline, today);
                    Timestamp issued = r.getTimestamp("issued_at"), ack = r.getTimestamp("acknowledged_at");
                    rows.add(new Object[] {id, "ticket", raw(obj("id", r.getLong("ticket_id"), "number", r.getString("number"))), "problemId",
                            r.getLong("problem_id"), "problem", r.getString("description"), "leadUnit", unitRef(r, "u_"), "deadline", deadline,
                            "key", r.getBoolean("key_item"), "requirement", r.getString("requirement"), "state", r.getString("state"),
                            "overdue", overdueDays > 0, "daysOverdue", overdueDays, "light", light(ProgressLight.ofItem(deadline, verified, today,
                            MARGINS)), "issuedAt", issued, "acknowledgedAt", ack, "hoursToAcknowledge", ack == null ? null
                            : java.time.Duration.between(issued.toInstant(), ack.toInstant()).toHours(), "doneReport", r.getString("done_report"),
                            "verifiedAt", r.getTimestamp("verified_at"), "returnReason", r.getString("return_reason"), "version",
                            r.getLong("version"), "audit", raw(obj("createdAt", r.getTimestamp("created_at"), "createdBy", r.getString("created_by"),
                            "updatedAt", r.getTimestamp("updated_at"), "updatedBy", r.getString("updated_by"))), "supervisionCase",
                            r.getObject("sc_id") == null ? null : raw(obj("id", r.getLong("sc_id"), "status", r.getString("sc_status")))});
                }
            }
        }
        List<Long> ids = rows.stream().map(r -> (Long) r[0]).toList();
        Map<Long, List<Long>> coops = new HashMap<>();
        if (!ids.isEmpty()) {
            try (PreparedStatement p = c.prepareStatement("select item_id, unit_id from ticket_item_cooperating_unit where item_id in " + in(ids));
                    ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    coops.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(r.getLong(2));
                }
            }
        }
        for (Object[] row : rows) {
            Object[] kv = new Object[row.length + 3];
            kv[0] = "id";
            kv[1] = row[0];
            System.arraycopy(row, 1, kv, 2, 10);
            kv[12] = "cooperatingUnitIds";
            kv[13] = coops.getOrDefault((Long) row[0], List.of());
            System.arraycopy(row, 11, kv, 14, row.length - 11);
            out.put((Long) row[0], obj(kv));
        }
        return out;
    }

    String inbox(Connection c, Map<String, String> q, String[] path) throws SQLException {
        if (!q.containsKey("unitId")) {
            long total = count(c, "select count(*) from ticket_item");
            return pageOf(List.copyOf(items(c, ITEM_COLUMNS + "order by i.deadline, i.id limit " + size(q) + " offset " + (page(q) - 1) * size(q))
                    .values()), q, total);
        }
        long unit = Long.parseLong(q.get("unitId"));
        String ids = "(select id from ticket_item where lead_unit_id = ? union select item_id from ticket_item_cooperating_unit where unit_id = ?) x";
        long total = count(c, "select count(*) from " + ids, unit, unit);
        String sql = ITEM_COLUMNS.replace(" from ticket_item i ", " from " + ids + " join ticket_item i on i.id = x.id ");
        return pageOf(List.copyOf(items(c, sql + "order by i.deadline, i.id limit " + size(q) + " offset " + (page(q) - 1) * size(q), unit, unit)
                .values()), q, total);
    }

    // ---- supervision cases ---------------------------------------------------------------------------------

    String cases(Connection c, Map<String, String> q, String[] path) throws SQLException {
        long total = count(c, "select count(*) from supervision_case");
        List<Object[]> cs = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("select id, item_id, reason, status, opened_at, closed_at, report, version, created_at, "
                + "created_by, updated_at, updated_by from supervision_case order by id desc limit " + size(q) + " offset " + (page(q) - 1) * size(q));
                ResultSet r = p.executeQuery()) {
            while (r.next()) {
                cs.add(new Object[] {r.getLong(1), r.getLong(2), r.getString(3), r.getString(4), r.getTimestamp(5), r.getTimestamp(6),
                        r.getString(7), r.getLong(8), r.getTimestamp(9), r.getString(10), r.getTimestamp(11), r.getString(12)});
            }
        }
        if (cs.isEmpty()) {
            return pageOf(List.of(), q, total);
        }
        List<Long> caseIds = cs.stream().map(x -> (Long) x[0]).toList();
        List<Long> itemIds = cs.stream().map(x -> (Long) x[1]).toList();
        Map<Long, String> items = items(c, ITEM_COLUMNS + "where i.id in " + in(itemIds));
        Map<Long, List<String>> actions = new HashMap<>();
        try (PreparedStatement p = c.prepareStatement("select case_id, kind, means, to_whom, content, acted_on, at, actor, actor_name "
                + "from supervision_action where case_id in " + in(caseIds) + " order by at, id"); ResultSet r = p.executeQuery()) {
            while (r.next()) {
                actions.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(obj("kind", r.getString(2), "means", r.getString(3),
                        "toWhom", r.getString(4), "content", r.getString(5), "actedOn", date(r, "acted_on"), "at", r.getTimestamp(7), "actor",
                        r.getString(8), "actorName", r.getString(9)));
            }
        }
        List<String> out = new ArrayList<>();
        for (Object[] x : cs) {
            out.add(obj("id", x[0], "reason", x[2], "status", x[3], "openedAt", x[4], "closedAt", x[5], "report", x[6], "item",
                    raw(items.get((Long) x[1])), "actions", raw("[" + String.join(",", actions.getOrDefault((Long) x[0], List.of())) + "]"),
                    "version", x[7], "audit", raw(obj("createdAt", x[8], "createdBy", x[9], "updatedAt", x[10], "updatedBy", x[11]))));
        }
        return pageOf(out, q, total);
    }

    // ---- standings -----------------------------------------------------------------------------------------

    String standings(Connection c, Map<String, String> q, String[] path) throws SQLException {
        java.time.YearMonth month = java.time.YearMonth.parse(path[1]);
        LocalDate due = month.plusMonths(1).atDay(5);
        LocalDate today = today();
        boolean pastDue = today.isAfter(due);
        int behind = pastDue ? (int) java.time.temporal.ChronoUnit.DAYS.between(due, today) : 0;
        List<String> all = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("select u.id u_id, u.code u_code, u.name u_name, ci.code u_city, r.id r_id, r.status, "
                + "r.days_late from unit u join city ci on ci.id = u.city_id left join monthly_report r on r.unit_id = u.id and r.report_month = ? "
                + "where u.id in (select unit_id from task_responsible_unit where role in ('LEAD', 'MAIN')) or r.id is not null order by u.code")) {
            p.setString(1, month.toString());
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    String status = r.getString("status");
                    Object reportId = r.getObject("r_id");
                    String standing = reportId == null ? "MISSING" : "SUBMITTED".equals(status)
                            ? (r.getInt("days_late") > 0 ? "SUBMITTED_LATE" : "SUBMITTED_ON_TIME") : "NOT_SUBMITTED";
                    int daysLate = "SUBMITTED".equals(status) ? r.getInt("days_late") : behind;
                    all.add(obj("unit", unitRef(r, "u_"), "standing", standing, "reportId", reportId, "status", status, "daysLate", daysLate,
                            "dueDate", due));
                }
            }
        }
        int from = Math.min((page(q) - 1) * size(q), all.size());
        return pageOf(all.subList(from, Math.min(from + size(q), all.size())), q, all.size());
    }

    // ---- problems, sessions, notifications -----------------------------------------------------------------

    String problems(Connection c, Map<String, String> q, String[] path) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = "where 1 = 1";
        if (q.containsKey("status")) {
            where += " and p.status = ?";
            params.add(q.get("status"));
        }
        long total = count(c, "select count(*) from problem p " + where, params.toArray());
        // Ids first, as the service pages them (ProblemRepository.search): the page's ids in index order on (status, id),
        // then only those rows joined. Joining first makes the server sort every matching problem to keep one page.
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("select p.id from problem p " + where + " order by p.id desc limit " + size(q)
                + " offset " + (page(q) - 1) * size(q))) {
            for (int i = 0; i < params.size(); i++) {
                p.setObject(i + 1, params.get(i));
            }
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
        }
        List<String> out = new ArrayList<>();
        if (ids.isEmpty()) {
            return pageOf(out, q, total);
        }
        try (PreparedStatement p = c.prepareStatement("select p.*, t.code t_code, t.title t_title, u.id u_id, u.code u_code, u.name u_name, "
                + "ci.code u_city from problem p join task t on t.id = p.task_id join unit u on u.id = p.raised_by_unit_id "
                + "join city ci on ci.id = u.city_id where p.id in " + in(ids) + " order by p.id desc")) {
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    String level = r.getString("coordination_level");
                    out.add(obj("id", r.getLong("id"), "task", raw(obj("id", r.getLong("task_id"), "code", r.getString("t_code"), "title",
                            r.getString("t_title"))), "raisedBy", unitRef(r, "u_"), "source", r.getString("source"), "sourceRef",
                            r.getObject("source_ref"), "description", r.getString("description"), "status", r.getString("status"), "category",
                            r.getString("category"), "coordinationLevel", level, "settledBy", level == null ? null
                            : cn.gov.zhuzhou.duban.problem.CoordinationLevel.valueOf(level).settledBy().name(), "version", r.getLong("version"),
                            "audit", raw(obj("createdAt", r.getTimestamp("created_at"), "createdBy", r.getString("created_by"), "updatedAt",
                            r.getTimestamp("updated_at"), "updatedBy", r.getString("updated_by")))));
                }
            }
        }
        return pageOf(out, q, total);
    }

    String sessions(Connection c, Map<String, String> q, String[] path) throws SQLException {
        long total = count(c, "select count(*) from dispatch_session");
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("select s.*, jp.title jp_title, pe.id pe_id, pe.code pe_code, pe.name pe_name "
                + "from dispatch_session s join job_position jp on jp.id = s.chair_position_id left join person pe on pe.id = jp.holder_id "
                + "order by s.held_on desc, s.id desc limit " + size(q) + " offset " + (page(q) - 1) * size(q)); ResultSet r = p.executeQuery()) {
            while (r.next()) {
                rows.add(new Object[] {r.getLong("id"), "type", r.getString("type"), "form", r.getString("form"), "level", r.getString("level"),
                        "title", r.getString("title"), "chair", raw(obj("positionId", r.getLong("chair_position_id"), "title", r.getString("jp_title"),
                        "holder", r.getObject("pe_id") == null ? null : raw(obj("id", r.getLong("pe_id"), "code", r.getString("pe_code"), "name",
                        r.getString("pe_name"))))), "heldOn", date(r, "held_on"), "place", r.getString("place"), "status", r.getString("status"),
                        "minutes", r.getString("minutes"), "cancelReason", r.getString("cancel_reason"), "regularMonth",
                        r.getString("regular_month"), "version", r.getLong("version"), "audit", raw(obj("createdAt", r.getTimestamp("created_at"),
                        "createdBy", r.getString("created_by"), "updatedAt", r.getTimestamp("updated_at"), "updatedBy", r.getString("updated_by")))});
            }
        }
        if (rows.isEmpty()) {
            return pageOf(List.of(), q, total);
        }
        String ids = in(rows.stream().map(x -> (Long) x[0]).toList());
        Map<Long, List<String>> parts = new HashMap<>(), units = new HashMap<>(), tickets = new HashMap<>();
        Map<Long, List<Long>> tasks = new HashMap<>(), problems = new HashMap<>();
        String unitCols = "u.id u_id, u.code u_code, u.name u_name, ci.code u_city from unit u join city ci on ci.id = u.city_id ";
        try (PreparedStatement p = c.prepareStatement("select x.session_id, " + unitCols + "join session_participant x on x.unit_id = u.id "
                + "where x.session_id in " + ids + " order by u.code"); ResultSet r = p.executeQuery()) {
            while (r.next()) {
                parts.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(unitRef(r, "u_").json());
            }
        }
        try (PreparedStatement p = c.prepareStatement("select x.session_id, " + unitCols + "join session_agenda_unit x on x.unit_id = u.id "
                + "where x.session_id in " + ids + " order by u.code"); ResultSet r = p.executeQuery()) {
            while (r.next()) {
                units.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(unitRef(r, "u_").json());
            }
        }
        for (String[] t : new String[][] {{"session_agenda_task", "task_id"}, {"session_agenda_problem", "problem_id"}}) {
            try (PreparedStatement p = c.prepareStatement("select session_id, " + t[1] + " from " + t[0] + " where session_id in " + ids
                    + " order by " + t[1]); ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    (t[0].endsWith("task") ? tasks : problems).computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(r.getLong(2));
                }
            }
        }
        try (PreparedStatement p = c.prepareStatement("select session_id, id, number from assignment_ticket where session_id in " + ids
                + " order by seq"); ResultSet r = p.executeQuery()) {
            while (r.next()) {
                tickets.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(obj("id", r.getLong(2), "number", r.getString(3)));
            }
        }
        List<String> out = new ArrayList<>();
        for (Object[] row : rows) {
            long id = (Long) row[0];
            Object[] kv = new Object[row.length + 1 + 10];
            kv[0] = "id";
            kv[1] = id;
            System.arraycopy(row, 1, kv, 2, row.length - 1);
            int k = row.length + 1;
            kv[k++] = "participants";
            kv[k++] = raw("[" + String.join(",", parts.getOrDefault(id, List.of())) + "]");
            kv[k++] = "agendaTaskIds";
            kv[k++] = tasks.getOrDefault(id, List.of());
            kv[k++] = "agendaProblemIds";
            kv[k++] = problems.getOrDefault(id, List.of());
            kv[k++] = "agendaUnits";
            kv[k++] = raw("[" + String.join(",", units.getOrDefault(id, List.of())) + "]");
            kv[k++] = "tickets";
            kv[k] = raw("[" + String.join(",", tickets.getOrDefault(id, List.of())) + "]");
            out.add(obj(kv));
        }
        return pageOf(out, q, total);
    }

    String notifications(Connection c, Map<String, String> q, String[] path) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = "where 1 = 1";
        if (q.containsKey("unitId")) {
            where += " and unit_id = ?";
            params.add(Long.parseLong(q.get("unitId")));
        }
        long total = count(c, "select count(*) from notification " + where, params.toArray());
        List<String> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("select id, unit_id, item_id, kind, on_date, message, created_at from notification " + where
                + " order by on_date desc, id desc limit " + size(q) + " offset " + (page(q) - 1) * size(q))) {
            for (int i = 0; i < params.size(); i++) {
                p.setObject(i + 1, params.get(i));
            }
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(obj("id", r.getLong(1), "unitId", r.getLong(2), "itemId", r.getLong(3), "kind", r.getString(4), "onDate",
                            date(r, "on_date"), "message", r.getString(6), "createdAt", r.getTimestamp(7)));
                }
            }
        }
        return pageOf(out, q, total);
    }
}
