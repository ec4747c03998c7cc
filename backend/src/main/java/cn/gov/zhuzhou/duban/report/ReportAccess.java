package cn.gov.zhuzhou.duban.report;

import cn.gov.zhuzhou.duban.common.error.ForbiddenException;
import cn.gov.zhuzhou.duban.common.security.Caller;
import cn.gov.zhuzhou.duban.common.security.Roles;
import cn.gov.zhuzhou.duban.unit.Unit;
import cn.gov.zhuzhou.duban.unit.UnitService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

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

    /** The unit filter of a report list for this caller (a liaison: its own unit only). */
    UnitService.UnitFilter listFilter(Long requestedUnitId) {
        return units.listFilter(requestedUnitId);
    }

    void checkReadable(MonthlyReport report) {
        units.requireVisible("月报", report.getId(), List.of(report.getUnit().getId()));
    }

    void checkWritable(MonthlyReport report) {
        checkReadable(report);
        if (!caller.has(Roles.UNIT)) {
            throw new ForbiddenException("只有本单位联络员可以编写和报送月报");
        }
    }
}
