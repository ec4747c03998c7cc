package cn.gov.zhuzhou.duban.dashboard;

import cn.gov.zhuzhou.duban.common.admission.HeavyWork;
import cn.gov.zhuzhou.duban.common.admission.SharedRead;
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
@jakarta.inject.Singleton // one instance (Quarkus' default for resources, said here): its shared reads are shared
@Tag(name = "Dashboard", description = "What a leader looks at first (领导驾驶舱): lights, report rate, overdue key items, open cases, items waiting on a leader.")
public class DashboardResource {

    private final DashboardService dashboard;
    private final HeavyWork heavy;
    /** The dashboard of every plan, by the day asked for (null: today). */
    private final SharedRead<LocalDate, DashboardView> everyPlan = new SharedRead<>();

    DashboardResource(DashboardService dashboard, HeavyWork heavy) {
        this.dashboard = dashboard;
        this.heavy = heavy;
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
        if (planId == null) {
            // Every plan's lights are every task's figures and history (20 000 tasks at province scale, ~20 MB on the
            // heap while they are counted): one of the few heavy turns (HeavyWork), taken before the transaction, as
            // the tree does. A dozen at once filled the bounded heap: back-to-back full collections (issue 11). Leaders
            // asking for the same day at the same time share one count that started after each of them asked (SharedRead).
            return everyPlan.get(date, () -> heavy.run(() -> dashboard.dashboard(null, date)));
        }
        return dashboard.dashboard(planId, date);
    }
}
