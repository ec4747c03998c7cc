package cn.gov.zhuzhou.duban.common.persistence;

import cn.gov.zhuzhou.duban.common.time.Days;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.hibernate.engine.jdbc.spi.JdbcCoordinator;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * Plain JDBC rows for the large reads (a plan's tree, every task's standing, a period's item records: thousands to tens
 * of thousands of rows) whose rows Hibernate would extract value by value, each date and timestamp through a Calendar
 * the driver builds for it (issue 11: half of the service's time on those reads; deploy/bench-notes/session14.md and
 * session16.md). Read dates as {@code getObject(i, LocalDate.class)} and stored timestamps (UTC literals,
 * quarkus.hibernate-orm.jdbc.timezone) as {@code getObject(i, LocalDateTime.class)}.
 * <p>
 * Run through Hibernate's JDBC coordinator: on the connection of the caller's transaction (the same snapshot as its
 * other statements), counted in Hibernate's statistics as any query (QueryCountTest sees it), closed with the session's
 * resources, and a driver error reaches the error mappers as Hibernate's JDBCException, as from any query.
 */
public final class JdbcRows {

    /** What a read does with each row. */
    @FunctionalInterface
    public interface RowConsumer {
        void accept(ResultSet rs) throws SQLException;
    }

    private JdbcRows() {
    }

    /** Each row of {@code sql} with {@code params} bound in order ({@code setObject}: a LocalDateTime as the literal it is). */
    public static void each(EntityManager em, String sql, RowConsumer each, Object... params) {
        SharedSessionContractImplementor session = em.unwrap(SharedSessionContractImplementor.class);
        JdbcCoordinator jdbc = session.getJdbcCoordinator();
        PreparedStatement ps = jdbc.getStatementPreparer().prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ResultSet rs = jdbc.getResultSetReturn().extract(ps, sql);
            while (rs.next()) {
                each.accept(rs);
            }
        } catch (SQLException e) {
            throw session.getJdbcServices().getSqlExceptionHelper().convert(e, "could not read rows", sql);
        } finally {
            jdbc.getLogicalConnection().getResourceRegistry().release(ps);
            jdbc.afterStatementExecution();
        }
    }

    /**
     * An instant as the database keeps it: the UTC literal (quarkus.hibernate-orm.jdbc.timezone), as Hibernate binds an
     * Instant; the parameter for a stored timestamp in plain SQL.
     */
    public static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    /**
     * A stored timestamp column (UTC) as its day in Asia/Shanghai; null for NULL. Read as a LocalDateTime, not through
     * Hibernate's timestamp extraction, which has the driver build a Calendar for every value.
     */
    public static LocalDate shanghaiDay(ResultSet rs, int column) throws SQLException {
        LocalDateTime utc = rs.getObject(column, LocalDateTime.class);
        return utc == null ? null : Days.dayOf(utc.toInstant(ZoneOffset.UTC));
    }

    /** A nullable BIGINT column. */
    public static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
