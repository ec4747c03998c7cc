package cn.gov.zhuzhou.duban.dispatch;

import cn.gov.zhuzhou.duban.common.persistence.JdbcRows;
import cn.gov.zhuzhou.duban.common.time.Days;
import jakarta.persistence.EntityManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assigned items as they stood at the end of a period, folded from their history (plain rows, two statements): what
 * bulletins, summaries and the annual assessment count.
 */
@ApplicationScoped
public class ItemRecords {

    /** The items a period reads: issued by its end, and not already verified (and still so) before its start. */
    private static final String IN_SCOPE = "i.issued_at < ?2 and not (i.state = 'VERIFIED' and i.verified_at < ?3)";

    /**
     * Each item in scope with its history folded up to the end, and its ticket's number ({@link #itemRecords}).
     * Parameters: 1 and 2 the end, 3 the start (UTC).
     */
    static final String FOLD = """
            select f.id, t.number, f.problem_id, f.lead_unit_id, f.key_item, f.deadline, f.issued_at, f.acknowledged,
                   f.done_reported, f.verified, f.last_state
            from (select i.id, i.ticket_id, i.problem_id, i.lead_unit_id, i.key_item, i.deadline, i.issued_at,
                         min(case when e.to_state = 'ACKNOWLEDGED' then e.at end) as acknowledged,
                         max(case when e.to_state = 'DONE_REPORTED' then e.at end) as done_reported,
                         max(case when e.to_state = 'VERIFIED' then e.at end) as verified,
                         substring_index(group_concat(e.to_state order by e.at desc, e.id desc separator ','), ',', 1) as last_state
                  from ticket_item i left join ticket_item_event e on e.item_id = i.id and e.at < ?1
                  where %s
                  group by i.id) f
            join assignment_ticket t on t.id = f.ticket_id
            order by f.id""".formatted(IN_SCOPE);

    /** Every return up to the end (parameter 1, UTC), by item ({@link #itemRecords}). */
    static final String RETURNS = "select e.item_id, e.at from ticket_item_event e where e.to_state = 'RETURNED' and e.at < ?1 "
            + "order by e.item_id, e.at, e.id";

    private static final String FOLD_JDBC = jdbc(FOLD);
    private static final String RETURNS_JDBC = jdbc(RETURNS);

    private final DispatchRepository dispatch;

    ItemRecords(DispatchRepository dispatch) {
        this.dispatch = dispatch;
    }

    /**
     * Every item issued by the end of {@code to} that was not already verified, and still verified, before
     * {@code from}, with its history up to the end of {@code to}. Sorted by item id.
     * <p>
     * Two statements through JDBC (common/persistence/JdbcRows), each a row per item or per return (issue 11: a province year is ~23 000 items with ~90 000 history
     * rows; reading the rows and folding them here held tens of MB per call and a third of the assessment's CPU): the
     * database folds each item's history up to the end (first signing, last 办结 report, last verification, and the
     * state of the last event, by time then id), and the returns are read on their own (each counts, with its day).
     * <p>
     * The fold groups the items alone, by id, and names their tickets after (a derived table): grouped together with the
     * ticket join, MariaDB read the tickets first and sorted every item's history through a temporary table, 0.35 s of
     * the database's time at province scale against 0.2 s so. The returns are read by their state from
     * ix_tie_state_at (changeset 40; ~9 000 rows at province scale, every return up to the end, those of the items out
     * of scope dropped here), not by joining every item to its events (0.15 s: the items' scope is no index range).
     */
    @Transactional
    public List<ItemRecord> itemRecords(LocalDate from, LocalDate to) {
        LocalDateTime start = JdbcRows.utc(Days.startOf(from));
        LocalDateTime end = JdbcRows.utc(Days.endOf(to));
        Map<Long, List<LocalDate>> returns = new HashMap<>();
        List<ItemRecord> out = new ArrayList<>();
        EntityManager em = dispatch.getEntityManager();
        JdbcRows.each(em, RETURNS_JDBC, rs -> returns.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(JdbcRows.shanghaiDay(rs, 2)), end);
        JdbcRows.each(em, FOLD_JDBC, rs -> {
            // an item with no history up to the end (none: issuing writes the first event) stands issued
            String last = rs.getString(11);
            TicketItemState state = last == null ? TicketItemState.ISSUED : TicketItemState.valueOf(last);
            long id = rs.getLong(1);
            out.add(new ItemRecord(id, rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getBoolean(5), rs.getObject(6, LocalDate.class),
                    JdbcRows.shanghaiDay(rs, 7), JdbcRows.shanghaiDay(rs, 8), JdbcRows.shanghaiDay(rs, 9), state == TicketItemState.VERIFIED ? JdbcRows.shanghaiDay(rs, 10) : null,
                    returns.getOrDefault(id, List.of()), state));
        }, end, end, start);
        return out;
    }

    /** A statement's text for JDBC: its numbered parameters ({@code ?1}, kept for ItemRecordsPlanTest's EXPLAIN) as plain markers. */
    private static String jdbc(String sql) {
        return sql.replaceAll("\\?\\d", "?");
    }

    /** The lead unit of each item, in one statement. */
    @Transactional
    public Map<Long, Long> leadUnitsOf(Collection<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> out = new LinkedHashMap<>();
        dispatch.getEntityManager().createQuery("select i.id, i.leadUnit.id from TicketItem i where i.id in :ids", Object[].class)
                .setParameter("ids", itemIds).getResultStream().forEach(r -> out.put((Long) r[0], (Long) r[1]));
        return out;
    }
}
