package cn.gov.zhuzhou.duban.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Duban's own settings (prefix {@code duban}); each has a default and an environment variable in the README. */
@ConfigMapping(prefix = "duban")
public interface DubanConfig {

    Seed seed();

    Admission admission();

    /**
     * Admission control in front of the API (issue 11): at most {@code maxActive} requests work at once, the rest
     * queue in arrival order for at most {@code maxWait}, then get 503 "服务繁忙" (problem type overloaded) with
     * Retry-After. Keep maxActive below the connection pool (DUBAN_DB_POOL_MAX) so the health check and the scheduled
     * jobs always find a connection, and near what the database serves at once (about 2-3 per database core).
     */
    interface Admission {
        /** Requests of the API served at once (DUBAN_ADMISSION_MAX_ACTIVE). */
        @WithDefault("12")
        int maxActive();

        /** Longest a request waits for its turn, counted from its arrival (DUBAN_ADMISSION_MAX_WAIT). */
        @WithDefault("3S")
        java.time.Duration maxWait();

        /** Seconds the overload answer asks a client to wait before retrying (DUBAN_ADMISSION_RETRY_AFTER). */
        @WithDefault("2")
        int retryAfter();

        /**
         * Computations whose memory grows with the whole data set (a whole year's assessment) run at most this many at
         * once, inside the admitted requests (common/admission/HeavyWork; DUBAN_ADMISSION_MAX_HEAVY). Each holds a
         * province year's lines on the heap: keep it small for the bounded heap of deploy/local/jvm.options.
         */
        @WithDefault("2")
        int maxHeavy();

        /** Longest such a computation waits for its turn, then 503 overloaded (DUBAN_ADMISSION_HEAVY_WAIT). */
        @WithDefault("10S")
        java.time.Duration heavyWait();
    }

    OpenApi openapi();

    /** The contract served at /q/openapi and Swagger UI. */
    interface OpenApi {
        /**
         * The issuer whose discovery document the contract's security scheme names, so that Swagger UI signs in at
         * this installation's Keycloak as a browser reaches it (common/openapi/SignInUrlFilter). Default: the issuer
         * the tokens carry (QUARKUS_OIDC_TOKEN_ISSUER), else DUBAN_OIDC_ISSUER; unset, the document keeps the neutral
         * placeholder it was built with.
         */
        java.util.Optional<String> oidcIssuer();
    }

    Ticket ticket();

    Supervision supervision();

    Dispatch dispatch();

    Lights lights();

    Bulletin bulletin();

    Dashboard dashboard();

    /** The leader dashboard (GET /dashboard), and the office's figures it gives the operators' metrics. */
    interface Dashboard {
        /**
         * How often each instance counts the business gauges of /q/metrics again (overdue items, reports missing, open
         * cases, webhook deliveries failing); a scrape reads the last counts and never queries the database. 0 turns the
         * background refresh off (the tests refresh by hand) (DUBAN_METRICS_GAUGES_REFRESH).
         */
        @WithDefault("60s")
        java.time.Duration gaugesRefresh();

        /**
         * How many tasks behind (red first, then yellow) the dashboard names; every one of them is in the list its
         * colour counts link to (DUBAN_DASHBOARD_TASKS_BEHIND_LIMIT).
         */
        @WithDefault("50")
        int tasksBehindLimit();
    }

    /** Bulletins (通报): the rule that names the units that failed their targets (main text 三.(三)). */
    interface Bulletin {
        Naming naming();

        /** A unit is named when it reaches any of these counts in the period; 0 switches a reason off. */
        interface Naming {
            /** Missing monthly reports (DUBAN_BULLETIN_NAMING_MISSING_REPORTS). */
            @WithDefault("1")
            int missingReports();

            /** Late monthly reports, after the 5th (DUBAN_BULLETIN_NAMING_LATE_REPORTS); off by default. */
            @WithDefault("0")
            int lateReports();

            /** Key ticket items overdue at the period's end (DUBAN_BULLETIN_NAMING_OVERDUE_KEY_ITEMS). */
            @WithDefault("1")
            int overdueKeyItems();

            /** Ticket items of any kind overdue at the period's end (DUBAN_BULLETIN_NAMING_OVERDUE_ITEMS). */
            @WithDefault("3")
            int overdueItems();

            /** Returns of its ticket items in the period (DUBAN_BULLETIN_NAMING_RETURNS). */
            @WithDefault("2")
            int returns();
        }
    }

    Assessment assessment();

    Documents documents();

    /** Published documents (PDF, XLSX, CSV): the CJK font the PDF embeds. */
    interface Documents {
        /**
         * TrueType font file (.ttf) or collection (.ttc) with Chinese glyphs, embedded as a subset in every PDF
         * (DUBAN_DOCUMENTS_FONT_PATH). The default is Debian's fonts-wqy-microhei (WenQuanYi Micro Hei, Apache-2.0),
         * which deploy/local/ensure-font.sh installs.
         */
        @WithDefault("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
        String fontPath();

        /** Which font of a .ttc collection to use, from 0; ignored for a .ttf (DUBAN_DOCUMENTS_FONT_INDEX). */
        @WithDefault("0")
        int fontIndex();
    }

    /** The three lights (三色督办) of tasks and ticket items. */
    interface Lights {
        /** Percentage points behind the expected progress (序时进度) that turn a task yellow (DUBAN_LIGHTS_YELLOW_MARGIN). */
        @WithDefault("10")
        int yellowMargin();

        /** Percentage points behind the expected progress that turn a task red (DUBAN_LIGHTS_RED_MARGIN). */
        @WithDefault("25")
        int redMargin();

        /** Days before its deadline from which an unfinished task is yellow (DUBAN_LIGHTS_NEAR_DEADLINE_DAYS). */
        @WithDefault("7")
        int nearDeadlineDays();

        /** Days before its deadline from which an unverified ticket item is yellow (DUBAN_LIGHTS_ITEM_NEAR_DEADLINE_DAYS). */
        @WithDefault("3")
        int itemNearDeadlineDays();
    }

    interface Dispatch {
        /**
         * When the schedule checks that this month's regular office session is planned (Quartz cron, Asia/Shanghai;
         * DUBAN_DISPATCH_REGULAR_SESSION_CRON). It plans it from the day after reports fall due (the 6th), once.
         */
        @WithDefault("0 0 1 * * ?")
        String regularSessionCron();

        /** Day of the month the regular office session is held on (DUBAN_DISPATCH_REGULAR_SESSION_DAY). */
        @WithDefault("10")
        int regularSessionDay();

        /** Where the regular office session meets (DUBAN_DISPATCH_REGULAR_SESSION_PLACE). */
        @WithDefault("市发展和改革委员会会议室")
        String regularSessionPlace();
    }

    interface Supervision {
        /** When the overdue sweep runs (Quartz cron, Asia/Shanghai; DUBAN_SUPERVISION_SWEEP_CRON). */
        @WithDefault("0 30 0 * * ?")
        String sweepCron();

        /** Fewest days between two urgings (催办) on one case (DUBAN_SUPERVISION_MIN_URGING_DAYS). */
        @WithDefault("1")
        int minUrgingDays();

        /** When the deadline reminders go out (Quartz cron, Asia/Shanghai; DUBAN_SUPERVISION_REMINDER_CRON). */
        @WithDefault("0 35 0 * * ?")
        String reminderCron();
    }

    interface Ticket {
        /**
         * Number of an assignment ticket, unique per year; {year} and {seq} are replaced (DUBAN_TICKET_NUMBER_PATTERN).
         */
        @WithDefault("交办〔{year}〕{seq}号")
        String numberPattern();
    }

    interface Seed {
        /** Load the real Zhuzhou plan into an empty database at start (DUBAN_SEED_ENABLED). */
        @WithDefault("true")
        boolean enabled();
    }

    /**
     * The office's annual assessment rules (考核细则): the base score and the points each record earns or costs a unit
     * (DUBAN_ASSESSMENT_*). Points are signed (a deduction is negative) and in tenths at most (one decimal); a cap is
     * the most a rule can add per unit and year, 0 for none.
     */
    interface Assessment {
        /** The score every assessed unit starts from (DUBAN_ASSESSMENT_BASE_SCORE). */
        @WithDefault("100")
        java.math.BigDecimal baseScore();

        /** Per monthly report submitted by its due date, the 5th (DUBAN_ASSESSMENT_REPORT_ON_TIME_POINTS). */
        @WithDefault("0.5")
        java.math.BigDecimal reportOnTimePoints();

        /** Most points on-time reports earn a unit in a year (DUBAN_ASSESSMENT_REPORT_ON_TIME_CAP). */
        @WithDefault("6")
        java.math.BigDecimal reportOnTimeCap();

        /** Per report submitted after its due date (DUBAN_ASSESSMENT_REPORT_LATE_POINTS). */
        @WithDefault("-1")
        java.math.BigDecimal reportLatePoints();

        /** Added per whole day a report is late (DUBAN_ASSESSMENT_REPORT_LATE_PER_DAY_POINTS). */
        @WithDefault("-0.2")
        java.math.BigDecimal reportLatePerDayPoints();

        /** Most one late report can cost, base and days together (DUBAN_ASSESSMENT_REPORT_LATE_MAX_PER_REPORT). */
        @WithDefault("3")
        java.math.BigDecimal reportLateMaxPerReport();

        /** Per report not submitted at all by the assessment date (DUBAN_ASSESSMENT_REPORT_MISSING_POINTS). */
        @WithDefault("-3")
        java.math.BigDecimal reportMissingPoints();

        /** Per ticket item verified whose 办结 came by its deadline (DUBAN_ASSESSMENT_ITEM_CLOSED_ON_TIME_POINTS). */
        @WithDefault("1")
        java.math.BigDecimal itemClosedOnTimePoints();

        /** Most points items closed on time earn a unit in a year (DUBAN_ASSESSMENT_ITEM_CLOSED_ON_TIME_CAP). */
        @WithDefault("10")
        java.math.BigDecimal itemClosedOnTimeCap();

        /** Per ticket item verified whose 办结 came after its deadline (DUBAN_ASSESSMENT_ITEM_CLOSED_LATE_POINTS). */
        @WithDefault("-1")
        java.math.BigDecimal itemClosedLatePoints();

        /** Per return (退回) of a unit's 办结 by the office (DUBAN_ASSESSMENT_ITEM_RETURNED_POINTS). */
        @WithDefault("-1")
        java.math.BigDecimal itemReturnedPoints();

        /** Per key item (重点事项) past its deadline and not verified on the assessment date (DUBAN_ASSESSMENT_KEY_ITEM_OVERDUE_POINTS). */
        @WithDefault("-5")
        java.math.BigDecimal keyItemOverduePoints();

        /** Per ordinary item past its deadline and not verified on the assessment date (DUBAN_ASSESSMENT_ITEM_OVERDUE_POINTS). */
        @WithDefault("-2")
        java.math.BigDecimal itemOverduePoints();

        /** Per supervision case (督查督办) opened in the year on an item the unit leads (DUBAN_ASSESSMENT_SUPERVISION_CASE_POINTS). */
        @WithDefault("-2")
        java.math.BigDecimal supervisionCasePoints();

        /** Per task completed in the year, to each unit answering for it as lead or main (DUBAN_ASSESSMENT_TASK_COMPLETED_POINTS). */
        @WithDefault("3")
        java.math.BigDecimal taskCompletedPoints();

        /** Most points completed tasks earn a unit in a year (DUBAN_ASSESSMENT_TASK_COMPLETED_CAP). */
        @WithDefault("15")
        java.math.BigDecimal taskCompletedCap();

        /** Per milestone due in the year and completed by its date (DUBAN_ASSESSMENT_MILESTONE_ON_TIME_POINTS). */
        @WithDefault("1")
        java.math.BigDecimal milestoneOnTimePoints();

        /** Most points milestones on time earn a unit in a year (DUBAN_ASSESSMENT_MILESTONE_ON_TIME_CAP). */
        @WithDefault("10")
        java.math.BigDecimal milestoneOnTimeCap();

        /** Per milestone due in the year and not completed by its date (DUBAN_ASSESSMENT_MILESTONE_MISSED_POINTS). */
        @WithDefault("-1")
        java.math.BigDecimal milestoneMissedPoints();

    }
}
