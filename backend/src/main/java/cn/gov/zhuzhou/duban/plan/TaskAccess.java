package cn.gov.zhuzhou.duban.plan;

import cn.gov.zhuzhou.duban.common.error.ForbiddenException;
import cn.gov.zhuzhou.duban.common.error.NotFoundException;
import cn.gov.zhuzhou.duban.common.security.Caller;
import cn.gov.zhuzhou.duban.common.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Who may see and report on which task, in one place. Partners see only the tasks the three cities share (those
 * with a cross-city lead) and report only on tasks their own city leads; a unit liaison reports only on tasks its
 * unit answers for; the office reports on any.
 */
@ApplicationScoped
public class TaskAccess {

    private final Caller caller;

    TaskAccess(Caller caller) {
        this.caller = caller;
    }

    /** Narrows a search to what the caller may see. */
    void scope(TaskSearch search) {
        if (isPartnerOnly()) {
            search.sharedOnly = true;
        }
    }

    /** A task the caller may not see does not exist for it (404, no hint); {@code shared}: it has a cross-city lead. */
    void checkReadable(long taskId, boolean shared) {
        if (isPartnerOnly() && !shared) {
            throw new NotFoundException("任务", taskId);
        }
    }

    /** Decides which side reports, or refuses: 403 and nothing changes. */
    ProgressSource checkMayReport(Task task, List<TaskView.ResponsibleUnitView> responsible) {
        if (caller.has(Roles.OFFICE)) {
            return ProgressSource.OFFICE;
        }
        if (caller.has(Roles.UNIT)) {
            String unit = caller.unitCode().orElseThrow(() -> new ForbiddenException("令牌未标明所属单位"));
            if (responsible.stream().anyMatch(r -> r.unit().code().equals(unit))) {
                return ProgressSource.UNIT;
            }
            throw new ForbiddenException("本单位不是任务 " + task.getCode() + " 的责任单位，不能报送其进展");
        }
        if (caller.has(Roles.PARTNER)) {
            String city = caller.cityCode().orElseThrow(() -> new ForbiddenException("令牌未标明所属城市"));
            if (task.getCrossCityLeadCity() != null && task.getCrossCityLeadCity().getCode().equals(city)) {
                return ProgressSource.PARTNER;
            }
            throw new ForbiddenException("只能报送本市牵头任务的进展");
        }
        throw new ForbiddenException("当前角色不能报送任务进展");
    }

    String callerUnitCode() {
        return caller.unitCode().orElse(null);
    }

    String callerCityCode() {
        return caller.cityCode().orElse(null);
    }

    private boolean isPartnerOnly() {
        return caller.has(Roles.PARTNER) && !caller.has(Roles.OFFICE) && !caller.has(Roles.ADMIN) && !caller.has(Roles.LEADER)
                && !caller.has(Roles.SUPERVISOR) && !caller.has(Roles.UNIT);
    }
}
