package cn.gov.zhuzhou.duban.dispatch;

import java.util.Collection;
import java.util.Map;

/**
 * Each item's supervision case, as the supervision feature knows it. Supervision follows dispatch (it observes item
 * changes and reads items), so dispatch asks through this port instead of depending on supervision back.
 */
public interface ItemCases {

    /** The case of each of these items that has one (one case per item), by item id, in one statement. */
    Map<Long, DispatchViews.CaseRef> casesOf(Collection<Long> itemIds);
}
