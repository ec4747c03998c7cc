package cn.gov.zhuzhou.duban.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Duban's own settings (prefix {@code duban}); each has a default and an environment variable in the README. */
@ConfigMapping(prefix = "duban")
public interface DubanConfig {

    Seed seed();

    Ticket ticket();

    Supervision supervision();

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
}
