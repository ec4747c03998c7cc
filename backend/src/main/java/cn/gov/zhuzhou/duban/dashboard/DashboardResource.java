package cn.gov.zhuzhou.duban.dashboard;

import cn.gov.zhuzhou.duban.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dashboard", description = "What a leader looks at first (领导驾驶舱): lights, report rate, overdue key items, open cases, items waiting on a leader.")
public class DashboardResource {

    private final LiveDashboards dashboards;

    DashboardResource(LiveDashboards dashboards) {
        this.dashboards = dashboards;
    }

    @GET
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.SUPERVISOR})
    @Operation(operationId = "getDashboard", summary = "The leader's dashboard in one call; every count links the list that returns exactly its rows")
    @APIResponse(responseCode = "200", description = "The figures on the day.", content = @Content(schema = @Schema(implementation = DashboardView.class)))
    @APIResponse(responseCode = "404", description = "No such plan.")
    public DashboardView getDashboard(
            @Parameter(description = "Only this plan's tasks in the lights; default every plan.", example = "1") @QueryParam("planId") Long planId,
            @Parameter(description = "The day (default today, Asia/Shanghai): lights and overdue items are judged on it, and the "
                    + "reports due in its month are counted.", example = "2026-11-30") @QueryParam("date") LocalDate date) {
        return dashboards.dashboard(planId, date);
    }
}
