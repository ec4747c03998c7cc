package cn.gov.zhuzhou.duban.supervision;

import cn.gov.zhuzhou.duban.common.paging.Page;
import cn.gov.zhuzhou.duban.common.paging.PageQuery;
import cn.gov.zhuzhou.duban.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Supervision", description = "Supervision cases (督查督办) on key and overdue items, urgings, replies, reports, quarterly rounds.")
public class SupervisionResource {

    private final SupervisionService supervision;

    SupervisionResource(SupervisionService supervision) {
        this.supervision = supervision;
    }

    @GET
    @Path("/supervision-cases")
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.SUPERVISOR, Roles.UNIT})
    @Operation(operationId = "listSupervisionCases", summary = "List supervision cases, newest first, by status, item or lead unit (a liaison: cases on items its unit leads)")
    @APIResponse(responseCode = "200", description = "A page of cases.", content = @Content(schema = @Schema(implementation = CasePage.class)))
    public Page<SupervisionViews.Case> listCases(@Parameter(description = "OPEN or CLOSED.") @QueryParam("status") SupervisionCase.Status status,
            @Parameter(description = "Only the case of this assigned item.") @QueryParam("itemId") Long itemId,
            @Parameter(description = "Only cases on items this unit leads (a liaison: its own unit; another unit gives an empty page).")
            @QueryParam("unitId") Long unitId,
            @Valid @BeanParam PageQuery page) {
        return supervision.searchCases(status, itemId, unitId, page);
    }

    @GET
    @Path("/supervision-cases/{id}")
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.SUPERVISOR, Roles.UNIT})
    @Operation(operationId = "getSupervisionCase", summary = "Get one case with its item, urgings and replies (a liaison: its own items' cases)")
    @APIResponse(responseCode = "200", description = "The case.", content = @Content(schema = @Schema(implementation = SupervisionViews.Case.class)))
    public SupervisionViews.Case getCase(@Parameter(description = "Case id.", example = "3") @PathParam("id") long id) {
        return supervision.getCase(id);
    }

    @GET
    @Path("/supervision-cases/{id}/history")
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.SUPERVISOR, Roles.UNIT})
    @Operation(operationId = "listSupervisionCaseHistory", summary = "A case's status changes: opened, closed, reopened (who, when, from, to, why)")
    @APIResponse(responseCode = "200", description = "A page of changes, oldest first.",
            content = @Content(schema = @Schema(implementation = EventPage.class)))
    public Page<SupervisionViews.Event> history(@Parameter(description = "Case id.", example = "3") @PathParam("id") long id,
            @Valid @BeanParam PageQuery page) {
        return Page.slice(supervision.history(id), page);
    }

    @POST
    @Path("/supervision-cases")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(operationId = "createSupervisionCase", summary = "Open a case by hand on any assigned item")
    @APIResponse(responseCode = "201", description = "The open case.", content = @Content(schema = @Schema(implementation = SupervisionViews.Case.class)))
    public Response open(@Valid @NotNull(message = "请求体不能为空") SupervisionViews.Open request, @Context UriInfo uri) {
        SupervisionViews.Case view = supervision.openCase(request);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/supervision-cases/{id}").build(view.id())).entity(view).build();
    }

    @POST
    @Path("/supervision-cases/{id}/urgings")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(operationId = "urgeSupervisionCase", summary = "Record an urging (催办): date, means, to whom")
    @APIResponse(responseCode = "200", description = "The case.", content = @Content(schema = @Schema(implementation = SupervisionViews.Case.class)))
    public SupervisionViews.Case urge(@Parameter(description = "Case id.", example = "3") @PathParam("id") long id,
            @Valid @NotNull(message = "请求体不能为空") SupervisionViews.Urging request) {
        return supervision.urge(id, request);
    }

    @POST
    @Path("/supervision-cases/{id}/replies")
    @RolesAllowed(Roles.UNIT)
    @Operation(operationId = "replySupervisionCase", summary = "The lead unit replies to the supervision office")
    @APIResponse(responseCode = "200", description = "The case.", content = @Content(schema = @Schema(implementation = SupervisionViews.Case.class)))
    public SupervisionViews.Case reply(@Parameter(description = "Case id.", example = "3") @PathParam("id") long id,
            @Valid @NotNull(message = "请求体不能为空") SupervisionViews.Reply request) {
        return supervision.reply(id, request);
    }

    @POST
    @Path("/supervision-cases/{id}/reports")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(operationId = "writeSupervisionReport", summary = "Write the case's supervision report to the secretary and the mayor")
    @APIResponse(responseCode = "200", description = "The case.", content = @Content(schema = @Schema(implementation = SupervisionViews.Case.class)))
    public SupervisionViews.Case report(@Parameter(description = "Case id.", example = "3") @PathParam("id") long id,
            @Valid @NotNull(message = "请求体不能为空") SupervisionViews.Report request) {
        return supervision.writeReport(id, request);
    }

    @POST
    @Path("/supervision-sweeps")
    @RolesAllowed({Roles.OFFICE, Roles.SUPERVISOR})
    @Operation(operationId = "sweepOverdueItems", summary = "Open a case for every overdue item now (also runs every night)")
    @APIResponse(responseCode = "200", description = "How many cases were opened.", content = @Content(schema = @Schema(implementation = SweepResult.class)))
    public SweepResult sweep() {
        return new SweepResult(supervision.sweepOverdueItems());
    }

    @GET
    @Path("/supervision-rounds/{quarter}")
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.SUPERVISOR})
    @Operation(operationId = "getSupervisionRound", summary = "The quarterly supervision round: every open case and every late unit")
    @APIResponse(responseCode = "200", description = "The round.", content = @Content(schema = @Schema(implementation = SupervisionViews.Round.class)))
    public SupervisionViews.Round round(@Parameter(description = "Quarter, yyyy-Qn.", example = "2026-Q4") @PathParam("quarter") String quarter) {
        return supervision.quarterlyRound(quarter);
    }

    @Schema(name = "SupervisionSweepResult", requiredProperties = {"opened"}, description = "The outcome of an overdue sweep.")
    public record SweepResult(@Schema(example = "2") int opened) {
    }

    @Schema(name = "SupervisionCaseEventPage", requiredProperties = {"items", "page", "size", "totalItems", "totalPages"}, description = "A page of a case's status changes.")
    public record EventPage(List<SupervisionViews.Event> items, @Schema(example = "1") int page, @Schema(example = "20") int size,
            @Schema(example = "26") long totalItems, @Schema(example = "2") int totalPages) {
    }

    @Schema(name = "SupervisionCasePage", requiredProperties = {"items", "page", "size", "totalItems", "totalPages"}, description = "A page of supervision cases.")
    public record CasePage(List<SupervisionViews.Case> items, @Schema(example = "1") int page, @Schema(example = "20") int size,
            @Schema(example = "26") long totalItems, @Schema(example = "2") int totalPages) {
    }
}
