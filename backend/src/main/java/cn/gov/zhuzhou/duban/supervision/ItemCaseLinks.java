package cn.gov.zhuzhou.duban.supervision;

import cn.gov.zhuzhou.duban.dispatch.DispatchViews;
import cn.gov.zhuzhou.duban.dispatch.ItemCases;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
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
    @Transactional
    public Map<Long, DispatchViews.CaseRef> casesOf(Collection<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return Map.of();
        }
        return cases.ofItems(itemIds).stream().collect(Collectors.toMap(SupervisionCase::getItemId,
                c -> new DispatchViews.CaseRef(c.getId(), c.getStatus().name())));
    }
}
