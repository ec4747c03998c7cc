package cn.gov.zhuzhou.duban.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.zhuzhou.duban.support.Fixtures;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The period's item records (bulletins, summaries, the annual assessment: {@link ItemRecords}) as the server plans them.
 * The fold groups the items on their own and joins the tickets after it: grouped with the ticket join, MariaDB read the
 * tickets first and sorted every item's history through a temporary table (twice the time at province scale). The
 * returns are found through the state index, not by joining every item of the scope to its events.
 * deploy/bench-notes/session16.md has the plans and times on the province data.
 */
@QuarkusTest
class ItemRecordsPlanTest {

    @Inject
    EntityManager em;

    @Test
    @TestTransaction
    void theFoldGroupsTheItemsBeforeItNamesTheirTicketsAndTheReturnsComeFromTheStateIndex() {
        Fixtures.newTicketItem();
        // by column name: MySQL's EXPLAIN has partitions and filtered columns that MariaDB's has not
        List<Tuple> fold = explain(ItemRecords.FOLD, true);
        assertThat(fold).filteredOn(r -> "i".equals(text(r, "table"))).singleElement()
                .satisfies(r -> assertThat(text(r, "select_type")).as("the items are grouped in the derived table").isEqualTo("DERIVED"));
        assertThat(fold).filteredOn(r -> "t".equals(text(r, "table"))).singleElement()
                .satisfies(r -> assertThat(text(r, "select_type")).as("the tickets are joined to the folded rows").isEqualTo("PRIMARY"));

        List<Tuple> returns = explain(ItemRecords.RETURNS, false);
        assertThat(returns).singleElement().satisfies(r -> {
            assertThat(text(r, "possible_keys")).contains("ix_tie_state_at");
            assertThat(text(r, "type")).as("no scan of every event").isNotEqualTo("ALL");
        });
    }

    private static String text(Tuple row, String column) {
        return String.valueOf(row.get(column));
    }

    @SuppressWarnings("unchecked")
    private List<Tuple> explain(String sql, boolean withStart) {
        LocalDateTime end = LocalDateTime.of(2031, 1, 1, 0, 0);
        Query q = em.createNativeQuery("explain " + sql, Tuple.class).setParameter(1, end);
        if (withStart) {
            q.setParameter(2, end).setParameter(3, LocalDateTime.of(2030, 1, 1, 0, 0));
        }
        return q.getResultList();
    }
}
