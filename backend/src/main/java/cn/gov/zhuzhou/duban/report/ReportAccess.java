package cn.gov.zhuzhou.duban.report;

import cn.gov.zhuzhou.duban.common.error.ForbiddenException;
import cn.gov.zhuzhou.duban.common.error.NotFoundException;
import cn.gov.zhuzhou.duban.common.security.Caller;
import cn.gov.zhuzhou.duban.common.security.Roles;
import cn.gov.zhuzhou.duban.unit.Unit;
import cn.gov.zhuzhou.duban.unit.UnitService;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who may see and write which monthly report, in one place: a unit liaison only its own unit's reports (another
 * unit's is 404, no hint that it exists); the office, leaders and supervisors read all; only the office returns.
 */
@ApplicationScoped
public class ReportAccess {

    private final Caller caller;
    private final UnitService units;

    ReportAccess(Caller caller, UnitService units) {
        this.caller = caller;
        this.units = units;
    }

    /** The unit a liaison writes for; a token without a known unit writes for none. */
    Unit ownUnit() {
        return units.callersUnit();
    }

    /** Null when the caller reads every unit; the liaison's own unit id otherwise. */
    Long readScope() {
        return readsEverything() ? null : ownUnit().getId();
    }

    void checkReadable(MonthlyReport report) {
        if (!readsEverything() && !report.getUnit().getId().equals(ownUnit().getId())) {
            throw new NotFoundException("月报", report.getId());
        }
    }

    void checkWritable(MonthlyReport report) {
        checkReadable(report);
        if (!caller.has(Roles.UNIT)) {
            throw new ForbiddenException("只有本单位联络员可以编写和报送月报");
        }
    }

    private boolean readsEverything() {
        return caller.readsEveryUnit();
    }
}
