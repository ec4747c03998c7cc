package cn.gov.zhuzhou.duban.support;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Changes committed by another instance of the cluster: straight in the shared database, each in one transaction with
 * the records' version it moves, as common/persistence/DataVersionIntegrator does on every instance.
 */
public final class Elsewhere {

    private Elsewhere() {
    }

    /** Commits {@code sql} (null: no change but the version's, a write this test does not care about) on another instance. */
    public static void commit(String sql, Object... params) {
        try (Connection c = dataSource().getConnection()) {
            c.setAutoCommit(false);
            if (sql != null) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = 0; i < params.length; i++) {
                        ps.setObject(i + 1, params[i]);
                    }
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement bump = c.prepareStatement("update data_version set version = version + 1 where id = 1")) {
                bump.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The records' version as committed now. */
    public static long version() {
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement("select version from data_version where id = 1");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AgroalDataSource dataSource() {
        return Arc.container().instance(AgroalDataSource.class).get();
    }
}
