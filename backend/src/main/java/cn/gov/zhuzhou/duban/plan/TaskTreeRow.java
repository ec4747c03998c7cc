package cn.gov.zhuzhou.duban.plan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/** A task as the plan tree shows it: only the columns a tree node carries (no texts beyond the title), never an entity. */
record TaskTreeRow(Long id, Long parentId, String code, TaskKind kind, String title, String areaCode, String leadCityCode,
        String leadCityName, LocalDate deadline, LocalDate startDate, Integer weight, TaskStatus status, int progressPercent) {

    /** A plan's rows in document order (sort order, then id); one parameter, the plan's id. Plain SQL: see {@link #of}. */
    static final String SQL_OF_PLAN = "select t.id, t.parent_id, t.code, t.kind, t.title, a.code, c.code, c.name, t.deadline, "
            + "t.start_date, t.weight, t.status, t.progress_percent from task t left join area a on a.id = t.area_id "
            + "left join city c on c.id = t.cross_city_lead_city_id where t.plan_id = ? order by t.sort_order, t.id";

    /**
     * The row at the result set's cursor, in {@link #SQL_OF_PLAN}'s columns. A tree reads 2 000 of them at province scale
     * in one call, so they come through JDBC rather than a Hibernate query: Hibernate's row handling was 15-19 % of a
     * loaded tree's CPU samples, and it read each date as a java.sql.Date through a Calendar (session 14).
     */
    static TaskTreeRow of(ResultSet rs) throws SQLException {
        return new TaskTreeRow(rs.getLong(1), nullableLong(rs, 2), rs.getString(3), TaskKind.valueOf(rs.getString(4)), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class),
                rs.getObject(11, Integer.class), TaskStatus.valueOf(rs.getString(12)), rs.getInt(13));
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    ProgressRollup.Node node() {
        return new ProgressRollup.Node(id, parentId, status, progressPercent, weight);
    }
}
