package cn.gov.zhuzhou.duban.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** A small read of items for other features (supervision lists the cases on the items a unit leads). */
@ApplicationScoped
public class ItemLookup {

    private final DispatchRepository dispatch;

    ItemLookup(DispatchRepository dispatch) {
        this.dispatch = dispatch;
    }

    /** Ids of the items a unit leads (not those it only cooperates on). */
    @Transactional
    public List<Long> idsLedBy(long unitId) {
        return dispatch.itemIdsLedBy(unitId);
    }
}
