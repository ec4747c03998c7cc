package cn.gov.zhuzhou.duban.supervision;

import cn.gov.zhuzhou.duban.common.persistence.IdLists;
import cn.gov.zhuzhou.duban.common.persistence.ReadOnlyTransaction;
import cn.gov.zhuzhou.duban.dispatch.DispatchViews;
import cn.gov.zhuzhou.duban.dispatch.ItemCases;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** Tells dispatch which case each item has, so an item links to the case its liaison replies on. */
@ApplicationScoped
class ItemCaseLinks implements ItemCases {

    private final SupervisionRepository cases;

    ItemCaseLinks(SupervisionRepository cases) {
        this.cases = cases;
    }

    @Override
    @ReadOnlyTransaction
    public Map<Long, DispatchViews.CaseRef> casesOf(Collection<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return Map.of();
        }
        // id and status only: no case entity is loaded to link an item list to its cases
        return IdLists.query(cases.getEntityManager(), "select c.itemId, c.id, c.status from SupervisionCase c where c.itemId in :ids",
                        Object[].class, itemIds).getResultStream()
                .collect(Collectors.toMap(r -> (Long) r[0], r -> new DispatchViews.CaseRef((Long) r[1], ((SupervisionCase.Status) r[2]).name())));
    }
}
