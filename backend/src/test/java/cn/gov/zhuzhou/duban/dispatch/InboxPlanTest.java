package cn.gov.zhuzhou.duban.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.zhuzhou.duban.support.Api;
import cn.gov.zhuzhou.duban.support.Fixtures;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The inbox's page query, as the server plans it: two branches, the items a unit leads (the lead unit's index open to
 * it) and those it cooperates on (the cooperating table's unit index open to it); nothing is read per item of the whole
 * table (no dependent subquery) and neither table is scanned whole. At province scale the {@code lead = :u or :u member of
 * cooperating} it replaces read all 100 000 items; see deploy/bench-notes/queries.md for the plan on that data.
 */
@QuarkusTest
class InboxPlanTest {

    @Inject
    EntityManager em;

    @Test
    @TestTransaction
    void aUnitsInboxIsFoundThroughTheLeadAndTheCooperatingIndexes() {
        Fixtures.newTicketItem();
        long unit = Api.unitId("株洲市教育局");
        for (var filter : List.of(new DispatchRepository.ItemFilter(unit, null, null, null),
                new DispatchRepository.ItemFilter(unit, TicketItemState.ISSUED, false, Fixtures.today()))) {
            List<Tuple> plan = explain(filter);
            // by column name: MySQL's EXPLAIN has partitions and filtered columns that MariaDB's has not
            assertThat(plan).as("plan of %s", filter).noneMatch(r -> text(r, "select_type").contains("DEPENDENT"));
            assertThat(plan).as("plan of %s", filter).noneMatch(r -> ("i".equals(text(r, "table")) || "c".equals(text(r, "table")))
                    && ("ALL".equals(text(r, "type")) || "index".equals(text(r, "type"))));
            // which index wins depends on the table's size (a handful of rows here: the deadline's may); these must be open
            assertThat(plan).filteredOn(r -> "i".equals(text(r, "table"))).as("lead branch of %s", filter)
                    .anySatisfy(r -> assertThat(text(r, "possible_keys")).as("lead branch keys").contains("ix_item_lead_state"));
            assertThat(plan).filteredOn(r -> "c".equals(text(r, "table"))).singleElement()
                    .satisfies(r -> assertThat(text(r, "possible_keys")).as("cooperating branch keys").contains("fk_ticu_unit"));
        }
    }

    private static String text(Tuple row, String column) {
        return String.valueOf(row.get(column));
    }

    @SuppressWarnings("unchecked")
    private List<Tuple> explain(DispatchRepository.ItemFilter filter) {
        Map<String, Object> params = new HashMap<>();
        Query q = em.createNativeQuery("explain " + DispatchRepository.pageIds(filter, params), Tuple.class);
        params.forEach(q::setParameter);
        return q.getResultList();
    }
}
