package cn.gov.zhuzhou.duban.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;

/**
 * The service's log records while a test's steps run (the service runs in the test's JVM under JBoss LogManager's
 * system context): {@code try (LogCapture log = LogCapture.of("io.agroal")) { ...; } assertThat(log.messages())...}.
 * Messages are the records' formatted text: a record's plain message is its pattern ({@code Datasource '%s': %s}), so
 * matching it would miss what an operator reads.
 */
public final class LogCapture implements AutoCloseable {

    /** A captured record: its logger, level and formatted message. */
    public record Entry(String logger, Level level, String message) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    private final Logger root = LogContext.getSystemLogContext().getLogger("");
    private final Handler handler;
    /** The logger whose level the capture lowered, and the level it had (null: none lowered). */
    private final Logger lowered;
    private final Level levelBefore;

    private LogCapture(String loggerPrefix, Level level) {
        handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String logger = String.valueOf(record.getLoggerName());
                if (logger.startsWith(loggerPrefix)) {
                    String message = record instanceof ExtLogRecord r ? r.getFormattedMessage() : String.valueOf(record.getMessage());
                    entries.add(new Entry(logger, record.getLevel(), message));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        root.addHandler(handler);
        if (level != null) {
            lowered = LogContext.getSystemLogContext().getLogger(loggerPrefix);
            levelBefore = lowered.getLevel();
            lowered.setLevel(level);
        } else {
            lowered = null;
            levelBefore = null;
        }
    }

    /** Captures the records of the loggers whose name starts with {@code loggerPrefix} ("" for all) until closed. */
    public static LogCapture of(String loggerPrefix) {
        return new LogCapture(loggerPrefix, null);
    }

    /**
     * The same, with the logger named {@code logger} (and those under it) set to {@code level} until closed: to see the
     * records the service writes below its configured level (DEBUG, {@code Level.FINE}).
     */
    public static LogCapture of(String logger, Level level) {
        return new LogCapture(logger, level);
    }

    /** What was captured so far. */
    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** The formatted messages captured so far. */
    public List<String> messages() {
        return entries.stream().map(Entry::message).toList();
    }

    @Override
    public void close() {
        root.removeHandler(handler);
        if (lowered != null) {
            lowered.setLevel(levelBefore);
        }
    }
}
