package cn.gov.zhuzhou.duban.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.zhuzhou.duban.support.Api;
import cn.gov.zhuzhou.duban.support.Fixtures;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
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
            List<Object[]> plan = explain(filter);
            // columns: id, select_type, table, type, possible_keys, key, key_len, ref, rows, Extra
            assertThat(plan).as("plan of %s", filter).noneMatch(r -> String.valueOf(r[1]).contains("DEPENDENT"));
            assertThat(plan).as("plan of %s", filter).noneMatch(r -> ("i".equals(r[2]) || "c".equals(r[2]))
                    && ("ALL".equals(r[3]) || "index".equals(r[3])));
            // which index wins depends on the table's size (a handful of rows here: the deadline's may); these must be open
            assertThat(plan).filteredOn(r -> "i".equals(r[2]) && "DERIVED".equals(r[1])).singleElement()
                    .satisfies(r -> assertThat(String.valueOf(r[4])).as("lead branch keys").contains("ix_item_lead_state"));
            assertThat(plan).filteredOn(r -> "c".equals(r[2])).singleElement()
                    .satisfies(r -> assertThat(String.valueOf(r[4])).as("cooperating branch keys").contains("fk_ticu_unit"));
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> explain(DispatchRepository.ItemFilter filter) {
        Map<String, Object> params = new HashMap<>();
        Query q = em.createNativeQuery("explain " + DispatchRepository.pageIds(filter, params));
        params.forEach(q::setParameter);
        return q.getResultList();
    }
}
