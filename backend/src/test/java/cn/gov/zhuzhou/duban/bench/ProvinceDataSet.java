package cn.gov.zhuzhou.duban.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * The province-scale data set of `make bench` (issue 11): deterministic for a seed, loaded into its own schema
 * ({@code duban_bench} by default), which is dropped, created and migrated by the service's own Liquibase changelog
 * before the rows go in through batched multi-row inserts (Connector/J {@code rewriteBatchedStatements}) with every
 * foreign key and unique key checked by the database.
 *
 * <h2>Shape ({@link #SHAPE})</h2>
 * <ul>
 * <li>3 cities (changeset 3), 500 units: 1-400 Zhuzhou departments that lead or are main responsible units somewhere
 * (so all 400 are expected to report every month), 401-420 Zhuzhou counties and parks (only cooperating), 421-460
 * Changsha, 461-500 Xiangtan (cross-city leads). 20 persons holding 20 positions (session chairs).</li>
 * <li>10 plans, one per year 2017-2026, each with 10 areas and 2 000 tasks: 400 top-level tasks with 4 sub-items
 * each (parent_id). Every task has 1 LEAD, 1 MAIN and 1-2 COOPERATING units (~3.5 rows a task, 70 000 rows);
 * one top-level task in five has a cross-city lead (a city and one of its units); each top-level task one milestone.
 * Status follows the plan's year (old plans mostly COMPLETED at 100 %); a task with progress &gt; 0 has one
 * task_progress row stating it (the current state; the per-report history is not replayed).</li>
 * <li>Monthly reports for 60 months (2021-12 to 2026-11) of the 400 reporting units: before 2026-11 every report is
 * SUBMITTED (8 % were returned once and resubmitted: revision 2), each with its revision rows (snapshot JSON) and
 * events (DRAFT, SUBMITTED[, RETURNED, SUBMITTED]); in 2026-11 half are SUBMITTED, a quarter DRAFT, a tenth
 * RETURNED and 15 % missing. Each report has up to 12 entries, on tasks the unit answers for in that year's plan
 * (~275 000 entries). days_late follows submitted_at and the due day (the 5th of the next month).</li>
 * <li>60 000 problems: one per submitted report with difficulties (30 % of them; source REPORT, source_report_id
 * set), the rest raised by the office, sessions, leaders and supervision. 40 000 CLASSIFIED (category, level),
 * 5 000 CLOSED, the rest OPEN, each with the events that lead to its status.</li>
 * <li>2 100 sessions: 2 000 CLOSED ones (with minutes, 5 participants, 3 agenda tasks, the agenda problems of their
 * tickets; one REGULAR session per month carries regular_month), 60 PLANNED and 40 CANCELLED ones (with a reason,
 * no ticket). 10 000 tickets (5 per closed session, numbered per year; ticket_sequence holds each year's last),
 * 100 000 items (10 per ticket, on CLASSIFIED problems, 0-2 cooperating units), ~390 000 item events: every item's
 * state is the end of its event chain (ISSUED, ACKNOWLEDGED, DONE_REPORTED, VERIFIED or RETURNED, some verified
 * items after a return); acknowledged_at, done_report, verified_at and return_reason agree with the state.</li>
 * <li>6 000 supervision cases on distinct items (KEY for key items, else OVERDUE or MANUAL), CLOSED exactly when the
 * item is VERIFIED (closed_at = verified_at), with OPEN[/CLOSED] events and an urging (and a reply when closed).</li>
 * <li>Notifications for unverified items: the 7- and 3-day reminders and up to three overdue days.</li>
 * </ul>
 * Dates are fixed against {@link #TODAY} (2026-12-01), never the wall clock, so the same seed gives the same rows.
 * A marker table ({@code bench_marker}: seed and shape) lets a second run skip the load; changesets added since then are
 * applied to the loaded set by Liquibase, as in production. A run whose write screens ran marks it written
 * ({@link #markWritten}), so the run after it reloads: every run reads the same rows. After the load every table is analyzed (fresh statistics).
 */
public final class ProvinceDataSet {

    /** Bump when the generator changes what it writes: a different shape reloads the schema. */
    public static final String SHAPE = "province-v3:units=500,plans=10x2000,months=60,problems=60000,items=100000,cases=6000";
    public static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    static final int UNITS = 500, REPORTING = 400, ZZ_UNITS = 420, PLANS = 10, TOP = 400, SUBS = 4, AREAS = 10;
    static final int TASKS_PER_PLAN = TOP * (1 + SUBS);
    static final YearMonth FIRST_MONTH = YearMonth.of(2021, 12);
    static final int MONTHS = 60, PROBLEMS = 60_000, CLASSIFIED = 40_000, CLOSED_PROBLEMS = 5_000;
    static final int CLOSED_SESSIONS = 2_000, TICKETS_PER_SESSION = 5, ITEMS_PER_TICKET = 10, CASES = 6_000;
    static final String WHO = "bench", WHO_NAME = "基准数据";
    static final String[] CITY_CODES = {"CS", "ZZ", "XT"};

    /** Liquibase logs every changeset through java.util.logging at INFO: kept quiet here (held, so the setting stays). */
    static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("liquibase");

    private final Connection c;
    private final Random rnd;
    private final Map<String, Long> cityIds = new HashMap<>();

    ProvinceDataSet(Connection c, long seed) {
        this.c = c;
        this.rnd = new Random(seed);
    }

    /** jdbc:mysql://host:port/ (no schema) */
    public static String serverUrl(String host, int port) {
        return "jdbc:mysql://" + host + ":" + port + "/";
    }

    public static String schemaUrl(String host, int port, String schema) {
        return serverUrl(host, port) + schema + "?characterEncoding=UTF-8&rewriteBatchedStatements=true&connectTimeout=3000"
                + "&socketTimeout=600000&useServerPrepStmts=false&cachePrepStmts=true";
    }

    /** Makes sure {@code schema} holds the data set of {@code seed}; returns true when it was (re)loaded. */
    public static boolean ensure(String host, int port, String user, String password, String schema, long seed) throws Exception {
        QUIET.setLevel(java.util.logging.Level.WARNING);
        if (!schema.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("schema name: " + schema);
        }
        try (Connection root = DriverManager.getConnection(serverUrl(host, port) + "?connectTimeout=3000", user, password);
                Statement s = root.createStatement()) {
            s.execute("create database if not exists " + schema + " character set utf8mb4 collate utf8mb4_unicode_ci");
        }
        try (Connection c = DriverManager.getConnection(schemaUrl(host, port, schema), user, password)) {
            String marker = marker(c);
            if ((seed + "|" + SHAPE).equals(marker)) {
                // changesets added since the load apply to it as they would in production
                migrate(c);
                System.out.println("bench data set: " + schema + " already holds seed " + seed + " (" + SHAPE + "); not reloaded");
                return false;
            }
        }
        try (Connection root = DriverManager.getConnection(serverUrl(host, port) + "?connectTimeout=3000", user, password);
                Statement s = root.createStatement()) {
            s.execute("drop database if exists " + schema);
            s.execute("create database " + schema + " character set utf8mb4 collate utf8mb4_unicode_ci");
        }
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection(schemaUrl(host, port, schema), user, password)) {
            migrate(c);
            System.out.printf("bench data set: schema %s migrated in %.1f s%n", schema, (System.nanoTime() - start) / 1e9);
            c.setAutoCommit(false);
            new ProvinceDataSet(c, seed).load();
            try (Statement s = c.createStatement()) {
                s.execute("create table bench_marker (id int primary key, marker varchar(500) not null, loaded_at datetime not null)");
                try (PreparedStatement p = c.prepareStatement("insert into bench_marker values (1, ?, utc_timestamp())")) {
                    p.setString(1, seed + "|" + SHAPE);
                    p.executeUpdate();
                }
            }
            c.commit();
        }
        System.out.printf("bench data set: %s loaded in %.1f s%n", schema, (System.nanoTime() - start) / 1e9);
        return true;
    }

    /** The data set is no longer as generated (a run's write screens changed it): the next {@link #ensure} reloads it. */
    public static void markWritten(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("update bench_marker set marker = concat(marker, '|written') where id = 1");
        }
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    private static String marker(Connection c) {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select marker from bench_marker where id = 1")) {
            return r.next() ? r.getString(1) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    @SuppressWarnings("deprecation")
    static void migrate(Connection c) throws Exception {
        var db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
        Liquibase lb = new Liquibase("db/changelog/db.changelog-master.yaml", new ClassLoaderResourceAccessor(), db);
        lb.update(new Contexts(), new LabelExpression());
    }

    // ------------------------------------------------------------------------------------------------------------

    /** A batched insert of one table; rows go to the server 2 000 at a time as one multi-row statement. */
    final class Rows implements AutoCloseable {
        final PreparedStatement p;
        final String table;
        int pending, total;

        final Rows[] parents;

        /** Rows of a table whose foreign keys point at {@code parents}: theirs go first at every flush. */
        Rows(String table, String columns, Rows... parents) throws SQLException {
            this.table = table;
            this.parents = parents;
            int n = columns.split(",").length;
            p = c.prepareStatement("insert into " + table + " (" + columns + ") values (" + "?,".repeat(n - 1) + "?)");
        }

        void add(Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                p.setObject(i + 1, values[i]);
            }
            p.addBatch();
            total++;
            if (++pending == 2000) {
                flush();
            }
        }

        void flush() throws SQLException {
            for (Rows parent : parents) {
                parent.flush();
            }
            if (pending > 0) {
                p.executeBatch();
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            flush();
            p.close();
            c.commit();
            System.out.printf("  %-32s %,9d rows%n", table, total);
        }
    }

    static LocalDateTime at(LocalDate day, int hour) {
        return day.atTime(hour, 0); // UTC, as Hibernate writes (jdbc.timezone=UTC)
    }

    // the generated model kept in memory to keep every reference consistent
    long[][] lead, main; // [plan][task index] unit ids
    List<List<Long>> unitTasksByPlan = new ArrayList<>(); // index plan*UNITS+unit -> task ids
    int[] taskProgress; // by task id

    void load() throws Exception {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select code, id from city")) {
            while (r.next()) {
                cityIds.put(r.getString(1), r.getLong(2));
            }
        }
        LocalDateTime created = at(LocalDate.of(2017, 1, 1), 1);
        try (Rows u = new Rows("unit", "id,code,name,short_name,kind,city_id,created_at,created_by,created_by_name,updated_at,updated_by,updated_by_name")) {
            for (int i = 1; i <= UNITS; i++) {
                String city = i <= ZZ_UNITS ? "ZZ" : i <= 460 ? "CS" : "XT";
                String kind = i <= REPORTING ? "DEPARTMENT" : i <= ZZ_UNITS ? (i % 2 == 0 ? "COUNTY_GOVERNMENT" : "PARK") : "DEPARTMENT";
                u.add(i, city + "-U" + String.format("%03d", i), cityName(city) + "第" + i + "工作部门", "部门" + i, kind, cityIds.get(city),
                        created, WHO, WHO_NAME, created, WHO, WHO_NAME);
            }
        }
        try (Rows p = new Rows("person", "id,code,name,created_at,created_by,created_by_name,updated_at,updated_by,updated_by_name");
                Rows j = new Rows("job_position", "id,code,title,holder_id,holder_since,created_at,created_by,created_by_name,updated_at,updated_by,updated_by_name")) {
            for (int i = 1; i <= 20; i++) {
                p.add(i, "P" + i, "负责同志" + i, created, WHO, WHO_NAME, created, WHO, WHO_NAME);
            }
            p.flush();
            for (int i = 1; i <= 20; i++) {
                j.add(i, "POS" + i, i == 1 ? "市委常委、市人民政府常务副市长" : "市人民政府副秘书长" + i, i, LocalDate.of(2017, 1, 1), created, WHO, WHO_NAME,
                        created, WHO, WHO_NAME);
            }
        }
        plans();
        List<long[]> reports = reports(); // [reportId, unitId, firstTaskId, hasProblems(1/0), submittedDay epoch]
        problemsSessionsItems(reports);
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select table_name from information_schema.tables "
                + "where table_schema = database() and table_type = 'BASE TABLE'")) {
            while (r.next()) {
                tables.add(r.getString(1));
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("analyze table " + String.join(", ", tables));
        }
    }

    static String cityName(String code) {
        return switch (code) {
            case "CS" -> "长沙市";
            case "XT" -> "湘潭市";
            default -> "株洲市";
        };
    }

    void plans() throws SQLException {
        lead = new long[PLANS][TASKS_PER_PLAN];
        main = new long[PLANS][TASKS_PER_PLAN];
        taskProgress = new int[PLANS * TASKS_PER_PLAN + 1];
        for (int i = 0; i < PLANS * UNITS; i++) {
            unitTasksByPlan.add(new ArrayList<>());
        }
        String[] statuses = new String[PLANS * TASKS_PER_PLAN + 1];
        try (Rows plan = new Rows("plan", "id,code,title,issuer,document_date,period_start,period_end,summary,created_at,created_by,created_by_name,updated_at,updated_by,updated_by_name");
                Rows area = new Rows("area", "id,plan_id,code,name,sort_order")) {
            for (int p = 0; p < PLANS; p++) {
                int year = 2017 + p;
                LocalDateTime at = at(LocalDate.of(year, 1, 10), 2);
                plan.add(p + 1, "PLAN-" + year, "长株潭一体化发展" + year + "年工作要点", "长株潭一体化发展领导小组办公室", LocalDate.of(year, 1, 10),
                        LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), year + "年度全省推进长株潭一体化的重点任务。", at, WHO, WHO_NAME, at, WHO,
                        WHO_NAME);
            }
            plan.flush();
            for (int p = 0; p < PLANS; p++) {
                for (int a = 1; a <= AREAS; a++) {
                    area.add(p * AREAS + a, p + 1, "A" + a, "专项" + a, a);
                }
            }
        }
        try (Rows task = new Rows("task", "id,plan_id,area_id,parent_id,code,kind,title,description,lead_clause,cross_city_lead_city_id,deadline,"
                + "status,progress_percent,progress_as_of,sort_order,created_at,created_by,created_by_name,updated_at,updated_by,updated_by_name");
                Rows tru = new Rows("task_responsible_unit", "task_id,unit_id,role", task);
                Rows lead3 = new Rows("task_cross_city_lead_unit", "task_id,unit_id", task);
                Rows ms = new Rows("task_milestone", "task_id,title,due_date,completed_on,sort_order", task);
                Rows prog = new Rows("task_progress", "task_id,status,progress_percent,note,source,unit_id,reported_at,reported_by,reported_by_name,as_of", task)) {
            for (int p = 0; p < PLANS; p++) {
                int year = 2017 + p;
                for (int k = 1; k <= TASKS_PER_PLAN; k++) {
                    long id = (long) p * TASKS_PER_PLAN + k;
                    boolean top = k <= TOP;
                    int j = top ? k : (k - TOP - 1) / SUBS + 1; // top-level index
                    int m = top ? 0 : (k - TOP - 1) % SUBS + 1;
                    long parent = top ? 0 : (long) p * TASKS_PER_PLAN + j;
                    long areaId = (long) p * AREAS + (j - 1) % AREAS + 1;
                    String code = top ? String.valueOf(j) : j + "." + m;
                    String kind = rnd.nextInt(3) == 0 ? "LONG_TERM" : "NEAR_TERM";
                    LocalDate deadline = LocalDate.of(year, 1 + rnd.nextInt(12), 1).plusDays(rnd.nextInt(28) + (kind.equals("LONG_TERM") ? 365 : 0));
                    String status;
                    int progress;
                    int dice = rnd.nextInt(100);
                    if (year <= 2024) {
                        status = dice < 85 ? "COMPLETED" : dice < 95 ? "IN_PROGRESS" : "SUSPENDED";
                    } else if (year == 2025) {
                        status = dice < 40 ? "COMPLETED" : dice < 90 ? "IN_PROGRESS" : "NOT_STARTED";
                    } else {
                        status = dice < 10 ? "COMPLETED" : dice < 70 ? "IN_PROGRESS" : "NOT_STARTED";
                    }
                    progress = switch (status) {
                        case "COMPLETED" -> 100;
                        case "NOT_STARTED" -> 0;
                        default -> 5 + rnd.nextInt(90);
                    };
                    taskProgress[(int) id] = progress;
                    statuses[(int) id] = status;
                    LocalDate asOf = progress == 0 ? null : (deadline.isBefore(TODAY) ? deadline : TODAY.minusDays(1 + rnd.nextInt(60)));
                    boolean crossCity = top && j % 5 == 0;
                    String leadCity = crossCity ? CITY_CODES[j % 3] : null;
                    long l = 1 + rnd.nextInt(REPORTING);
                    long mn = 1 + (l + rnd.nextInt(REPORTING - 1)) % REPORTING;
                    lead[p][k - 1] = l;
                    main[p][k - 1] = mn;
                    LocalDateTime at = at(LocalDate.of(year, 1, 10), 2);
                    task.add(id, p + 1, areaId, top ? null : parent, code, kind,
                            (top ? "推进第" + j + "项重点工作" : "第" + j + "项重点工作之子项" + m) + "（" + year + "）",
                            "围绕长株潭一体化，" + year + "年完成第" + code + "项任务的建设、协调与验收，形成阶段性成果。",
                            (crossCity ? "长株潭三市由" + cityName(leadCity) + "牵头，" : "") + "株洲市牵头单位：部门" + l,
                            crossCity ? cityIds.get(leadCity) : null, deadline, status, progress, asOf, (j - 1) * 5 + 1 + m,
                            at, WHO, WHO_NAME, at, WHO, WHO_NAME);
                    Set<Long> units = new LinkedHashSet<>(List.of(l, mn));
                    tru.add(id, l, "LEAD");
                    tru.add(id, mn, "MAIN");
                    int coops = 1 + (rnd.nextInt(2));
                    while (units.size() < 2 + coops) {
                        long u = 1 + rnd.nextInt(ZZ_UNITS);
                        if (units.add(u)) {
                            tru.add(id, u, "COOPERATING");
                        }
                    }
                    for (long u : units) {
                        unitTasksByPlan.get(p * UNITS + (int) u - 1).add(id);
                    }
                    if (crossCity) {
                        long cu = leadCity.equals("CS") ? 421 + rnd.nextInt(40) : leadCity.equals("XT") ? 461 + rnd.nextInt(40) : 1 + rnd.nextInt(ZZ_UNITS);
                        lead3.add(id, cu);
                    }
                    if (top) {
                        ms.add(id, "完成第" + j + "项阶段目标", deadline.minusDays(30), status.equals("COMPLETED") ? deadline.minusDays(35) : null, 1);
                    }
                    if (progress > 0) {
                        prog.add(id, status, progress, "进度更新", "UNIT", l, at(asOf, 2), WHO, WHO_NAME, asOf);
                    }
                }
                task.flush();
            }
        }
    }

    List<long[]> reports() throws SQLException {
        List<long[]> out = new ArrayList<>();
        long id = 0;
        try (Rows rep = new Rows("monthly_report", "id,unit_id,report_month,status,due_date,submitted_at,days_late,revision,problems,return_reason,"
                + "version,created_at,created_by,created_by_name,updated_at,updated_by,updated_by_name");
                Rows entry = new Rows("monthly_report_entry", "report_id,task_id,work_done,progress_percent,track,sort_order", rep);
                Rows rev = new Rows("monthly_report_revision", "report_id,revision,snapshot,submitted_at,submitted_by,submitted_by_name,days_late", rep);
                Rows ev = new Rows("monthly_report_event", "report_id,from_status,to_status,reason,at,actor,actor_name", rep)) {
            for (int mi = 0; mi < MONTHS; mi++) {
                YearMonth month = FIRST_MONTH.plusMonths(mi);
                boolean last = mi == MONTHS - 1;
                int plan = Math.min(PLANS - 1, Math.max(0, month.getYear() - 2017));
                LocalDate due = month.plusMonths(1).atDay(5);
                for (int u = 1; u <= REPORTING; u++) {
                    int dice = rnd.nextInt(100);
                    if (last && dice >= 85) {
                        continue; // missing
                    }
                    String status = !last ? "SUBMITTED" : dice < 50 ? "SUBMITTED" : dice < 75 ? "DRAFT" : "RETURNED";
                    boolean returnedOnce = status.equals("RETURNED") || (status.equals("SUBMITTED") && rnd.nextInt(100) < 8);
                    int revision = status.equals("DRAFT") ? 0 : status.equals("RETURNED") ? 1 : returnedOnce ? 2 : 1;
                    LocalDate draftOn = month.atEndOfMonth().plusDays(rnd.nextInt(3)).isAfter(TODAY) ? TODAY.minusDays(1)
                            : month.atEndOfMonth().plusDays(rnd.nextInt(3));
                    LocalDate firstSubmit = due.plusDays(rnd.nextInt(8) - 5);
                    if (firstSubmit.isBefore(draftOn)) {
                        firstSubmit = draftOn;
                    }
                    if (firstSubmit.isAfter(TODAY.minusDays(1))) {
                        firstSubmit = TODAY.minusDays(1);
                    }
                    LocalDate lastSubmit = revision == 2 ? firstSubmit.plusDays(2) : firstSubmit;
                    if (lastSubmit.isAfter(TODAY)) {
                        lastSubmit = TODAY;
                    }
                    int daysLate = revision == 0 ? 0 : (int) Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(due, lastSubmit));
                    boolean hasProblems = !status.equals("DRAFT") && rnd.nextInt(100) < 30;
                    String problems = hasProblems ? "项目用地指标不足，需协调解决（" + month + "）" : null;
                    id++;
                    List<Long> own = unitTasksByPlan.get(plan * UNITS + u - 1);
                    List<Long> chosen = new ArrayList<>();
                    int start = own.isEmpty() ? 0 : rnd.nextInt(own.size());
                    for (int e = 0; e < Math.min(12, own.size()); e++) {
                        chosen.add(own.get((start + e) % own.size()));
                    }
                    LocalDateTime created = at(draftOn, 1);
                    LocalDateTime updated = at(revision == 0 ? draftOn : status.equals("RETURNED") ? firstSubmit.plusDays(1) : lastSubmit, 3);
                    rep.add(id, u, month.toString(), status, due, revision == 0 ? null : at(status.equals("RETURNED") ? firstSubmit : lastSubmit, 3),
                            daysLate, revision, problems, status.equals("RETURNED") || returnedOnce ? "请补充本月工作量化指标" : null,
                            revision + (returnedOnce ? 1 : 0), created, WHO, WHO_NAME, updated, WHO, WHO_NAME);
                    StringBuilder snap = new StringBuilder("{\"entries\":[");
                    for (int e = 0; e < chosen.size(); e++) {
                        long t = chosen.get(e);
                        int pct = Math.min(100, taskProgress[(int) t]);
                        String track = pct >= 60 ? "ON_TRACK" : pct >= 30 ? "AT_RISK" : "LATE";
                        String work = month + "完成任务" + t + "阶段工作，推进有序";
                        entry.add(id, t, work, pct, track, e + 1);
                        snap.append(e == 0 ? "" : ",").append("{\"taskId\":").append(t).append(",\"workDone\":\"").append(work)
                                .append("\",\"progressPercent\":").append(pct).append(",\"track\":\"").append(track).append("\"}");
                    }
                    snap.append("],\"problems\":").append(problems == null ? "null" : "\"" + problems + "\"").append('}');
                    ev.add(id, null, "DRAFT", null, created, WHO, WHO_NAME);
                    if (revision >= 1) {
                        int late1 = (int) Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(due, firstSubmit));
                        rev.add(id, 1, snap.toString(), at(firstSubmit, 3), WHO, WHO_NAME, late1);
                        ev.add(id, "DRAFT", "SUBMITTED", late1 > 0 ? "逾期 " + late1 + " 天" : null, at(firstSubmit, 3), WHO, WHO_NAME);
                        if (returnedOnce) {
                            ev.add(id, "SUBMITTED", "RETURNED", "请补充本月工作量化指标", at(firstSubmit.plusDays(1), 2), WHO, WHO_NAME);
                        }
                        if (revision == 2) {
                            rev.add(id, 2, snap.toString(), at(lastSubmit, 3), WHO, WHO_NAME, daysLate);
                            ev.add(id, "RETURNED", "SUBMITTED", daysLate > 0 ? "逾期 " + daysLate + " 天" : null, at(lastSubmit, 3), WHO, WHO_NAME);
                        }
                    }
                    if (hasProblems && !chosen.isEmpty()) {
                        out.add(new long[] {id, u, chosen.get(0), lastSubmit.toEpochDay()});
                    }
                }
                rep.flush();
            }
        }
        return out;
    }

    static final String[] CATEGORIES = {"POLICY", "FUNDING", "LAND", "PLANNING", "COORDINATION", "OTHER"};
    static final String[] LEVELS = {"UNIT", "DEPARTMENTS_OF_THREE_CITIES", "CITY_LEVEL_OF_THREE_CITIES", "SEVERAL_DEPARTMENTS_OR_GOVERNMENTS", "PROVINCE"};
    static final String[] OTHER_SOURCES = {"OFFICE", "SESSION", "LEADER_INSTRUCTION", "SUPERVISION"};

    void problemsSessionsItems(List<long[]> fromReports) throws SQLException {
        // problems: the report ones first, then the others
        long[] problemTask = new long[PROBLEMS + 1];
        List<Long> classified = new ArrayList<>();
        try (Rows pr = new Rows("problem", "id,task_id,raised_by_unit_id,source,source_ref,source_report_id,description,status,category,"
                + "coordination_level,version,created_at,created_by,created_by_name,updated_at,updated_by,updated_by_name");
                Rows pe = new Rows("problem_event", "problem_id,kind,from_status,to_status,from_level,to_level,reason,at,actor,actor_name", pr)) {
            for (int i = 1; i <= PROBLEMS; i++) {
                long task, unit;
                String source;
                Long ref;
                LocalDate raised;
                if (i <= fromReports.size()) {
                    long[] r = fromReports.get(i - 1);
                    task = r[2];
                    unit = r[1];
                    source = "REPORT";
                    ref = r[0];
                    raised = LocalDate.ofEpochDay(r[3]);
                } else {
                    int p = rnd.nextInt(PLANS);
                    int k = rnd.nextInt(TASKS_PER_PLAN);
                    task = (long) p * TASKS_PER_PLAN + k + 1;
                    unit = lead[p][k];
                    source = OTHER_SOURCES[i % 4];
                    ref = null;
                    raised = FIRST_MONTH.atDay(1).plusDays(rnd.nextInt((int) java.time.temporal.ChronoUnit.DAYS.between(FIRST_MONTH.atDay(1), TODAY) - 30));
                }
                problemTask[i] = task;
                // deterministic status by position: every 3rd open, every 12th closed, the rest classified
                String status = i % 4 == 0 ? "OPEN" : i % 12 == 1 ? "CLOSED" : "CLASSIFIED";
                if (status.equals("CLASSIFIED") && classified.size() >= CLASSIFIED) {
                    status = "OPEN";
                }
                boolean wasClassified = status.equals("CLASSIFIED") || (status.equals("CLOSED") && i % 24 == 1);
                String cat = wasClassified ? CATEGORIES[i % CATEGORIES.length] : null;
                String lvl = wasClassified ? LEVELS[i % LEVELS.length] : null;
                LocalDateTime at0 = at(raised, 3);
                LocalDateTime at1 = at(raised.plusDays(2), 3);
                LocalDateTime at2 = at(raised.plusDays(20), 3);
                int version = (wasClassified ? 1 : 0) + (status.equals("CLOSED") ? 1 : 0);
                LocalDateTime updated = status.equals("CLOSED") ? at2 : wasClassified ? at1 : at0;
                pr.add(i, task, unit, source, ref, ref, "第" + i + "号问题：项目推进中的用地、资金与协调困难，需研究解决", status, cat, lvl, version,
                        at0, WHO, WHO_NAME, updated, WHO, WHO_NAME);
                pe.add(i, "RAISED", null, "OPEN", null, null, null, at0, WHO, WHO_NAME);
                if (wasClassified) {
                    pe.add(i, "CLASSIFIED", "OPEN", "CLASSIFIED", null, lvl, null, at1, WHO, WHO_NAME);
                }
                if (status.equals("CLOSED")) {
                    pe.add(i, "CLOSED", wasClassified ? "CLASSIFIED" : "OPEN", "CLOSED", lvl, lvl, "已解决", at2, WHO, WHO_NAME);
                }
                if (status.equals("CLASSIFIED")) {
                    classified.add((long) i);
                }
            }
        }
        // sessions, tickets, items
        int sessions = CLOSED_SESSIONS + 100;
        long days = java.time.temporal.ChronoUnit.DAYS.between(FIRST_MONTH.atDay(1), TODAY.minusDays(130));
        Map<Integer, Integer> seqByYear = new HashMap<>();
        long ticketId = 0, itemId = 0;
        int classifiedCursor = 0;
        List<long[]> caseItems = new ArrayList<>(); // itemId, key, overdue, verifiedEpochSecond or -1, issuedDay, lead unit
        try (Rows s = new Rows("dispatch_session", "id,type,form,level,chair_position_id,held_on,place,title,minutes,status,regular_month,"
                + "cancel_reason,version,created_at,created_by,created_by_name,updated_at,updated_by,updated_by_name");
                Rows sp = new Rows("session_participant", "session_id,unit_id", s);
                Rows sat = new Rows("session_agenda_task", "session_id,task_id", s);
                Rows sap = new Rows("session_agenda_problem", "session_id,problem_id", s);
                Rows tk = new Rows("assignment_ticket", "id,session_id,ticket_year,seq,number,issued_on,created_at,created_by,created_by_name,"
                        + "updated_at,updated_by,updated_by_name,version", s);
                Rows it = new Rows("ticket_item", "id,ticket_id,problem_id,lead_unit_id,deadline,key_item,requirement,state,issued_at,"
                        + "acknowledged_at,done_report,verified_at,return_reason,version,created_at,created_by,created_by_name,updated_at,"
                        + "updated_by,updated_by_name", tk);
                Rows co = new Rows("ticket_item_cooperating_unit", "item_id,unit_id", it);
                Rows ie = new Rows("ticket_item_event", "item_id,from_state,to_state,reason,at,actor,actor_name", it)) {
            for (int sid = 1; sid <= sessions; sid++) {
                boolean closed = sid <= CLOSED_SESSIONS;
                boolean planned = !closed && sid <= CLOSED_SESSIONS + 60;
                LocalDate held = closed ? FIRST_MONTH.atDay(1).plusDays((long) (sid - 1) * days / CLOSED_SESSIONS)
                        : planned ? TODAY.plusDays(1 + rnd.nextInt(60)) : TODAY.minusDays(1 + rnd.nextInt(300));
                int monthIndex = closed ? (int) java.time.temporal.ChronoUnit.MONTHS.between(FIRST_MONTH, YearMonth.from(held)) : -1;
                // the first closed session of each month is that month's regular session
                boolean regular = closed && (sid == 1 || YearMonth.from(held).isAfter(YearMonth.from(
                        FIRST_MONTH.atDay(1).plusDays((long) (sid - 2) * days / CLOSED_SESSIONS))));
                String type = regular ? "REGULAR" : sid % 7 == 0 ? "EMERGENCY" : "AD_HOC";
                LocalDateTime at = at(held.minusDays(7), 2);
                s.add(sid, type, sid % 3 == 0 ? "ON_SITE" : sid % 3 == 1 ? "MEETING" : "PLATFORM", regular ? "OFFICE" : "DEPUTY_MAYOR",
                        1 + sid % 20, held, "市发展和改革委员会会议室", held.getYear() + "年" + held.getMonthValue() + "月第" + sid + "次调度会",
                        closed ? "会议听取了各牵头单位工作进展汇报，研究了存在的问题。" : null, closed ? "CLOSED" : planned ? "PLANNED" : "CANCELLED",
                        regular ? YearMonth.from(held).toString() : null, !closed && !planned ? "与其他会议时间冲突，另行安排" : null,
                        closed ? 1 : 0, at, WHO, WHO_NAME, closed ? at(held, 9) : at, WHO, WHO_NAME);
                Set<Long> parts = new LinkedHashSet<>();
                while (parts.size() < 5) {
                    parts.add(1L + rnd.nextInt(REPORTING));
                }
                for (long u : parts) {
                    sp.add(sid, u);
                }
                Set<Long> agendaTasks = new LinkedHashSet<>();
                int plan = Math.min(PLANS - 1, Math.max(0, held.getYear() - 2017));
                while (agendaTasks.size() < 3) {
                    agendaTasks.add((long) plan * TASKS_PER_PLAN + 1 + rnd.nextInt(TASKS_PER_PLAN));
                }
                for (long t : agendaTasks) {
                    sat.add(sid, t);
                }
                if (!closed) {
                    continue;
                }
                Set<Long> agendaProblems = new LinkedHashSet<>();
                for (int t = 0; t < TICKETS_PER_SESSION; t++) {
                    ticketId++;
                    int year = held.getYear();
                    int seq = seqByYear.merge(year, 1, Integer::sum);
                    LocalDateTime issuedAt = at(held, 2);
                    tk.add(ticketId, sid, year, seq, "交办〔" + year + "〕" + seq + "号", held, issuedAt, WHO, WHO_NAME, issuedAt, WHO, WHO_NAME, 0);
                    for (int n = 0; n < ITEMS_PER_TICKET; n++) {
                        itemId++;
                        long problem = classified.get(classifiedCursor++ % classified.size());
                        agendaProblems.add(problem);
                        long leadUnit = 1 + rnd.nextInt(REPORTING);
                        LocalDate deadline = held.plusDays(30 + rnd.nextInt(60));
                        boolean key = rnd.nextInt(10) == 0;
                        long age = java.time.temporal.ChronoUnit.DAYS.between(held, TODAY);
                        int dice = rnd.nextInt(100);
                        String state;
                        if (age > 120) {
                            state = dice < 88 ? "VERIFIED" : dice < 93 ? "RETURNED" : dice < 97 ? "DONE_REPORTED" : "ACKNOWLEDGED";
                        } else {
                            state = dice < 40 ? "VERIFIED" : dice < 50 ? "RETURNED" : dice < 65 ? "DONE_REPORTED" : dice < 85 ? "ACKNOWLEDGED" : "ISSUED";
                        }
                        boolean loop = state.equals("VERIFIED") && rnd.nextInt(100) < 5; // verified after one return
                        LocalDateTime ack = state.equals("ISSUED") ? null : at(held.plusDays(1), 3);
                        LocalDateTime done = state.equals("ISSUED") || state.equals("ACKNOWLEDGED") ? null : at(held.plusDays(10), 3);
                        LocalDateTime ret = state.equals("RETURNED") || loop ? at(held.plusDays(12), 3) : null;
                        LocalDateTime done2 = loop ? at(held.plusDays(15), 3) : null;
                        LocalDateTime ver = state.equals("VERIFIED") ? at(held.plusDays(loop ? 18 : 14), 3) : null;
                        int version = 0;
                        List<Object[]> events = new ArrayList<>();
                        events.add(new Object[] {itemId, null, "ISSUED", "交办", issuedAt, WHO, WHO_NAME});
                        LocalDateTime updated = issuedAt;
                        if (ack != null) {
                            events.add(new Object[] {itemId, "ISSUED", "ACKNOWLEDGED", null, ack, WHO, WHO_NAME});
                            version++;
                            updated = ack;
                        }
                        if (done != null) {
                            events.add(new Object[] {itemId, "ACKNOWLEDGED", "DONE_REPORTED", "已按要求办结", done, WHO, WHO_NAME});
                            version++;
                            updated = done;
                        }
                        if (ret != null) {
                            events.add(new Object[] {itemId, "DONE_REPORTED", "RETURNED", "办结材料不全，请补充", ret, WHO, WHO_NAME});
                            version++;
                            updated = ret;
                        }
                        if (done2 != null) {
                            events.add(new Object[] {itemId, "RETURNED", "DONE_REPORTED", "已补充材料", done2, WHO, WHO_NAME});
                            version++;
                            updated = done2;
                        }
                        if (ver != null) {
                            events.add(new Object[] {itemId, "DONE_REPORTED", "VERIFIED", null, ver, WHO, WHO_NAME});
                            version++;
                            updated = ver;
                        }
                        it.add(itemId, ticketId, problem, leadUnit, deadline, key, "按期完成第" + problem + "号问题的协调解决", state, issuedAt, ack,
                                done == null ? null : "已按要求办结", ver, ret != null ? "办结材料不全，请补充" : null, version, issuedAt, WHO, WHO_NAME,
                                updated, WHO, WHO_NAME);
                        for (Object[] e : events) {
                            ie.add(e);
                        }
                        int coops = rnd.nextInt(3);
                        Set<Long> cs = new LinkedHashSet<>();
                        while (cs.size() < coops) {
                            long u = 1 + rnd.nextInt(ZZ_UNITS);
                            if (u != leadUnit) {
                                cs.add(u);
                            }
                        }
                        for (long u : cs) {
                            co.add(itemId, u);
                        }
                        boolean overdue = ver == null && deadline.isBefore(TODAY);
                        if (caseItems.size() < CASES && (itemId % 16 == 3)) {
                            caseItems.add(new long[] {itemId, key ? 1 : 0, overdue ? 1 : 0,
                                    ver == null ? -1 : ver.toLocalDate().toEpochDay(), held.toEpochDay(), leadUnit, deadline.toEpochDay()});
                        }
                    }
                }
                for (long p : agendaProblems) {
                    sap.add(sid, p);
                }
            }
        }
        try (Rows seq = new Rows("ticket_sequence", "ticket_year,`last_value`")) {
            for (var e : new java.util.TreeMap<>(seqByYear).entrySet()) {
                seq.add(e.getKey(), e.getValue());
            }
        }
        cases(caseItems);
        notifications();
    }

    void cases(List<long[]> items) throws SQLException {
        try (Rows sc = new Rows("supervision_case", "id,item_id,reason,status,opened_at,closed_at,report,version,created_at,created_by,"
                + "created_by_name,updated_at,updated_by,updated_by_name");
                Rows ev = new Rows("supervision_case_event", "case_id,from_status,to_status,reason,at,actor,actor_name", sc);
                Rows ac = new Rows("supervision_action", "case_id,kind,means,to_whom,content,acted_on,at,actor,actor_name", sc)) {
            long id = 0;
            for (long[] i : items) {
                id++;
                String reason = i[1] == 1 ? "KEY" : i[2] == 1 ? "OVERDUE" : "MANUAL";
                LocalDate issued = LocalDate.ofEpochDay(i[4]);
                LocalDate opened = reason.equals("KEY") ? issued : reason.equals("OVERDUE") ? LocalDate.ofEpochDay(i[6]).plusDays(1) : issued.plusDays(3);
                if (opened.isAfter(TODAY)) {
                    opened = TODAY;
                }
                boolean closed = i[3] >= 0;
                LocalDateTime openedAt = at(opened, 4);
                LocalDateTime closedAt = closed ? LocalDate.ofEpochDay(i[3]).atTime(3, 0) : null;
                if (closed && closedAt.isBefore(openedAt)) {
                    openedAt = closedAt.minusHours(1);
                    opened = openedAt.toLocalDate();
                }
                sc.add(id, i[0], reason, closed ? "CLOSED" : "OPEN", openedAt, closedAt, null, closed ? 1 : 0, openedAt, WHO, WHO_NAME,
                        closed ? closedAt : openedAt, WHO, WHO_NAME);
                ev.add(id, null, "OPEN", reason.equals("KEY") ? "重点交办事项，自动立案" : reason.equals("OVERDUE") ? "交办事项逾期未办结，自动立案" : "督查室立案",
                        openedAt, WHO, WHO_NAME);
                ac.add(id, "URGING", "PHONE", "部门" + i[5], "请加快办理进度", opened, openedAt.plusMinutes(30), WHO, WHO_NAME);
                if (closed) {
                    ac.add(id, "REPLY", null, null, "已加快推进并办结", closedAt.toLocalDate(), closedAt.minusMinutes(30), WHO, WHO_NAME);
                    ev.add(id, "OPEN", "CLOSED", "交办事项已核验办结", closedAt, WHO, WHO_NAME);
                }
            }
        }
    }

    void notifications() throws SQLException {
        // reminders and overdue notices for the items not verified, straight from the items table
        try (Statement s = c.createStatement()) {
            int n7 = s.executeUpdate("insert into notification (unit_id, item_id, kind, on_date, message, created_at) "
                    + "select lead_unit_id, id, 'REMINDER_7_DAYS', date_sub(deadline, interval 7 day), concat('交办事项 ', id, ' 将于 7 天后到期'), "
                    + "timestamp(date_sub(deadline, interval 7 day), '00:35:00') from ticket_item "
                    + "where state <> 'VERIFIED' and date_sub(deadline, interval 7 day) <= '" + TODAY + "'");
            int n3 = s.executeUpdate("insert into notification (unit_id, item_id, kind, on_date, message, created_at) "
                    + "select lead_unit_id, id, 'REMINDER_3_DAYS', date_sub(deadline, interval 3 day), concat('交办事项 ', id, ' 将于 3 天后到期'), "
                    + "timestamp(date_sub(deadline, interval 3 day), '00:35:00') from ticket_item "
                    + "where state <> 'VERIFIED' and date_sub(deadline, interval 3 day) <= '" + TODAY + "'");
            int no = 0;
            for (int d = 1; d <= 3; d++) {
                no += s.executeUpdate("insert into notification (unit_id, item_id, kind, on_date, message, created_at) "
                        + "select lead_unit_id, id, 'OVERDUE', date_add(deadline, interval " + d + " day), concat('交办事项 ', id, ' 已逾期'), "
                        + "timestamp(date_add(deadline, interval " + d + " day), '00:35:00') from ticket_item "
                        + "where state <> 'VERIFIED' and date_add(deadline, interval " + d + " day) <= '" + TODAY + "'");
            }
            c.commit();
            System.out.printf("  %-32s %,9d rows%n", "notification", n7 + n3 + no);
        }
    }

    /** Loads (or keeps) the set: args host port schema seed; user and password from DUBAN_DB_USER / DUBAN_DB_PASSWORD. */
    public static void main(String[] args) throws Exception {
        String host = args.length > 0 ? args[0] : "127.0.0.1";
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 3306;
        String schema = args.length > 2 ? args[2] : "duban_bench";
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 11L;
        ensure(host, port, env("DUBAN_DB_USER", "root"), env("DUBAN_DB_PASSWORD", ""), schema, seed);
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
