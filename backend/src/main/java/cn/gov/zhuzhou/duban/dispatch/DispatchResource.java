package cn.gov.zhuzhou.duban.dispatch;

import cn.gov.zhuzhou.duban.common.paging.Page;
import cn.gov.zhuzhou.duban.common.paging.PageQuery;
import cn.gov.zhuzhou.duban.common.security.Roles;
import cn.gov.zhuzhou.duban.common.time.Months;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.YearMonth;
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
@Tag(name = "Dispatch", description = "Dispatch sessions (调度), their minutes and assignment tickets (交办单), and the assigned items.")
public class DispatchResource {

    private final DispatchService dispatch;
    private final TicketItemService items;
    private final RegularSessionPlanner regularSessions;

    DispatchResource(DispatchService dispatch, TicketItemService items, RegularSessionPlanner regularSessions) {
        this.items = items;
        this.dispatch = dispatch;
        this.regularSessions = regularSessions;
    }

    @GET
    @Path("/sessions")
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.SUPERVISOR})
    @Operation(operationId = "listDispatchSessions", summary = "List dispatch sessions, latest first")
    @APIResponse(responseCode = "200", description = "A page of sessions.", content = @Content(schema = @Schema(implementation = SessionPage.class)))
    public Page<DispatchViews.Session> listSessions(
            @Parameter(description = "Only the office's regular session of this month (yyyy-MM).", example = "2026-12")
            @Pattern(regexp = Months.PATTERN, message = Months.MESSAGE) @QueryParam("regularMonth")
            String regularMonth, @Valid @BeanParam PageQuery page) {
        return dispatch.listSessions(regularMonth, page);
    }

    @GET
    @Path("/sessions/{id}")
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.SUPERVISOR})
    @Operation(operationId = "getDispatchSession", summary = "Get one dispatch session")
    @APIResponse(responseCode = "200", description = "The session.", content = @Content(schema = @Schema(implementation = DispatchViews.Session.class)))
    public DispatchViews.Session getSession(@Parameter(description = "Session id.", example = "2") @PathParam("id") long id) {
        return dispatch.getSession(id);
    }

    @POST
    @Path("/sessions")
    @RolesAllowed(Roles.OFFICE)
    @Operation(operationId = "createDispatchSession", summary = "Plan a dispatch session")
    @APIResponse(responseCode = "201", description = "The planned session.", content = @Content(schema = @Schema(implementation = DispatchViews.Session.class)))
    public Response planSession(@Valid @NotNull(message = "请求体不能为空") SessionRequests.Create request, @Context UriInfo uri) {
        DispatchViews.Session view = dispatch.planSession(request);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/sessions/{id}").build(view.id())).entity(view).build();
    }

    @POST
    @Path("/regular-sessions")
    @RolesAllowed(Roles.OFFICE)
    @Operation(operationId = "planRegularSession", summary = "Plan the office's regular session of a month, once: last month's "
            + "unreported units and every unsettled problem on its agenda (the schedule does it each month from the 6th)")
    @APIResponse(responseCode = "201", description = "Planned now.", content = @Content(schema = @Schema(implementation = DispatchViews.Session.class)))
    @APIResponse(responseCode = "200", description = "Already planned: the month's session, unchanged.",
            content = @Content(schema = @Schema(implementation = DispatchViews.Session.class)))
    public Response planRegularSession(@Valid @NotNull(message = "请求体不能为空") SessionRequests.Regular request, @Context UriInfo uri) {
        RegularSessionPlanner.Outcome outcome = regularSessions.plan(YearMonth.parse(request.month()));
        if (!outcome.created()) {
            return Response.ok(outcome.session()).build();
        }
        return Response.created(uri.getBaseUriBuilder().path("api/v1/sessions/{id}").build(outcome.session().id()))
                .entity(outcome.session()).build();
    }

    @PUT
    @Path("/sessions/{id}")
    @RolesAllowed(Roles.OFFICE)
    @Operation(operationId = "updateDispatchSession", summary = "Re-plan a planned session: date, place, chair, participants, agenda, form, level")
    @APIResponse(responseCode = "200", description = "The session.", content = @Content(schema = @Schema(implementation = DispatchViews.Session.class)))
    public DispatchViews.Session updateSession(@Parameter(description = "Session id.", example = "2") @PathParam("id") long id,
            @Valid @NotNull(message = "请求体不能为空") SessionRequests.Update request) {
        return dispatch.updateSession(id, request);
    }

    @POST
    @Path("/sessions/{id}/cancellations")
    @RolesAllowed(Roles.OFFICE)
    @Operation(operationId = "cancelDispatchSession", summary = "Call off a planned session that has issued no ticket, with the reason")
    @APIResponse(responseCode = "200", description = "The cancelled session.", content = @Content(schema = @Schema(implementation = DispatchViews.Session.class)))
    public DispatchViews.Session cancel(@Parameter(description = "Session id.", example = "2") @PathParam("id") long id,
            @Valid @NotNull(message = "请求体不能为空") SessionRequests.Cancellation request) {
        return dispatch.cancelSession(id, request);
    }

    @PUT
    @Path("/sessions/{id}/minutes")
    @RolesAllowed(Roles.OFFICE)
    @Operation(operationId = "recordDispatchSessionMinutes", summary = "Record the session's minutes (会议纪要)")
    @APIResponse(responseCode = "200", description = "The session.", content = @Content(schema = @Schema(implementation = DispatchViews.Session.class)))
    public DispatchViews.Session recordMinutes(@Parameter(description = "Session id.", example = "2") @PathParam("id") long id,
            @Valid @NotNull(message = "请求体不能为空") SessionRequests.Minutes request) {
        return dispatch.recordMinutes(id, request);
    }

    @POST
    @Path("/sessions/{id}/closings")
    @RolesAllowed(Roles.OFFICE)
    @Operation(operationId = "closeDispatchSession", summary = "Close a session that has minutes, a ticket, or both")
    @APIResponse(responseCode = "200", description = "The closed session.", content = @Content(schema = @Schema(implementation = DispatchViews.Session.class)))
    public DispatchViews.Session close(@Parameter(description = "Session id.", example = "2") @PathParam("id") long id,
            @Valid @NotNull(message = "请求体不能为空") SessionRequests.Closing request) {
        return dispatch.closeSession(id, request);
    }

    @POST
    @Path("/sessions/{id}/tickets")
    @RolesAllowed(Roles.OFFICE)
    @Operation(operationId = "createAssignmentTicket", summary = "Issue an assignment ticket from a session; its items go out at once")
    @APIResponse(responseCode = "201", description = "The numbered ticket.", content = @Content(schema = @Schema(implementation = DispatchViews.Ticket.class)))
    public Response issueTicket(@Parameter(description = "Session id.", example = "2") @PathParam("id") long id,
            @Valid @NotNull(message = "请求体不能为空") SessionRequests.Ticket request, @Context UriInfo uri) {
        DispatchViews.Ticket view = dispatch.issueTicket(id, request);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/tickets/{id}").build(view.id())).entity(view).build();
    }

    @GET
    @Path("/tickets/{id}")
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.SUPERVISOR})
    @Operation(operationId = "getAssignmentTicket", summary = "Get one assignment ticket and its items")
    @APIResponse(responseCode = "200", description = "The ticket.", content = @Content(schema = @Schema(implementation = DispatchViews.Ticket.class)))
    public DispatchViews.Ticket getTicket(@Parameter(description = "Ticket id.", example = "4") @PathParam("id") long id) {
        return dispatch.getTicket(id);
    }

    @GET
    @Path("/ticket-items")
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.SUPERVISOR, Roles.UNIT})
    @Operation(operationId = "listTicketItems", summary = "A unit's inbox of assigned items, by state and deadline (a liaison sees its own)")
    @APIResponse(responseCode = "200", description = "A page of items, earliest deadline first.",
            content = @Content(schema = @Schema(implementation = TicketItemPage.class)))
    public Page<DispatchViews.Item> listItems(
            @Parameter(description = "Items this unit leads or cooperates on.", example = "12") @QueryParam("unitId") Long unitId,
            @Parameter(description = "Item state.") @QueryParam("state") TicketItemState state,
            @Parameter(description = "true: only key items (重点事项); false: only the others.", example = "true") @QueryParam("key") Boolean key,
            @Parameter(description = "true: only items overdue today (not verified, deadline passed); false: no effect.", example = "true")
            @QueryParam("overdue") Boolean overdue,
            @Parameter(description = "Only items overdue on this day (not verified, deadline before it); overrides overdue.", example = "2026-11-30")
            @QueryParam("overdueOn") java.time.LocalDate overdueOn,
            @Valid @BeanParam PageQuery page) {
        return items.searchItems(unitId, state, key, overdue, overdueOn, page);
    }

    @GET
    @Path("/ticket-items/{id}")
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.SUPERVISOR, Roles.UNIT})
    @Operation(operationId = "getTicketItem", summary = "Get one assigned item")
    @APIResponse(responseCode = "200", description = "The item.", content = @Content(schema = @Schema(implementation = DispatchViews.Item.class)))
    public DispatchViews.Item getItem(@Parameter(description = "Item id.", example = "9") @PathParam("id") long id) {
        return items.getItem(id);
    }

    @GET
    @Path("/ticket-items/{id}/history")
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.SUPERVISOR, Roles.UNIT})
    @Operation(operationId = "listTicketItemHistory", summary = "Every state change of an item: who, when, from, to, why")
    @APIResponse(responseCode = "200", description = "A page of changes, oldest first.",
            content = @Content(schema = @Schema(implementation = TicketItemEventPage.class)))
    public Page<DispatchViews.Event> history(@Parameter(description = "Item id.", example = "9") @PathParam("id") long id,
            @Valid @BeanParam PageQuery page) {
        return Page.slice(items.itemHistory(id), page);
    }

    @POST
    @Path("/ticket-items/{id}/acknowledgements")
    @RolesAllowed(Roles.UNIT)
    @Operation(operationId = "acknowledgeTicketItem", summary = "Sign for an item (签收), by its lead unit")
    @APIResponse(responseCode = "200", description = "The item, ACKNOWLEDGED.", content = @Content(schema = @Schema(implementation = DispatchViews.Item.class)))
    public DispatchViews.Item acknowledge(@Parameter(description = "Item id.", example = "9") @PathParam("id") long id,
            @Valid @NotNull(message = "请求体不能为空") SessionRequests.Transition request) {
        return items.acknowledgeItem(id, request);
    }

    @POST
    @Path("/ticket-items/{id}/completions")
    @RolesAllowed(Roles.UNIT)
    @Operation(operationId = "reportTicketItemDone", summary = "Report an item done (办结), with the completion report")
    @APIResponse(responseCode = "200", description = "The item, DONE_REPORTED.", content = @Content(schema = @Schema(implementation = DispatchViews.Item.class)))
    public DispatchViews.Item complete(@Parameter(description = "Item id.", example = "9") @PathParam("id") long id,
            @Valid @NotNull(message = "请求体不能为空") SessionRequests.Transition request) {
        return items.reportItemDone(id, request);
    }

    @POST
    @Path("/ticket-items/{id}/verifications")
    @RolesAllowed(Roles.OFFICE)
    @Operation(operationId = "verifyTicketItem", summary = "Verify a reported item as done")
    @APIResponse(responseCode = "200", description = "The item, VERIFIED.", content = @Content(schema = @Schema(implementation = DispatchViews.Item.class)))
    public DispatchViews.Item verify(@Parameter(description = "Item id.", example = "9") @PathParam("id") long id,
            @Valid @NotNull(message = "请求体不能为空") SessionRequests.Transition request) {
        return items.verifyItem(id, request);
    }

    @POST
    @Path("/ticket-items/{id}/returns")
    @RolesAllowed(Roles.OFFICE)
    @Operation(operationId = "returnTicketItem", summary = "Send a reported item back to its unit, with the reason")
    @APIResponse(responseCode = "200", description = "The item, RETURNED.", content = @Content(schema = @Schema(implementation = DispatchViews.Item.class)))
    public DispatchViews.Item sendBack(@Parameter(description = "Item id.", example = "9") @PathParam("id") long id,
            @Valid @NotNull(message = "请求体不能为空") SessionRequests.Transition request) {
        return items.returnItem(id, request);
    }

    @Schema(name = "TicketItemEventPage", requiredProperties = {"items", "page", "size", "totalItems", "totalPages"}, description = "A page of an item's state changes.")
    public record TicketItemEventPage(List<DispatchViews.Event> items, @Schema(example = "1") int page, @Schema(example = "20") int size,
            @Schema(example = "26") long totalItems, @Schema(example = "2") int totalPages) {
    }

    @Schema(name = "DispatchSessionPage", requiredProperties = {"items", "page", "size", "totalItems", "totalPages"}, description = "A page of dispatch sessions.")
    public record SessionPage(List<DispatchViews.Session> items, @Schema(example = "1") int page, @Schema(example = "20") int size,
            @Schema(example = "26") long totalItems, @Schema(example = "2") int totalPages) {
    }

    @Schema(name = "TicketItemPage", requiredProperties = {"items", "page", "size", "totalItems", "totalPages"}, description = "A page of assigned items.")
    public record TicketItemPage(List<DispatchViews.Item> items, @Schema(example = "1") int page, @Schema(example = "20") int size,
            @Schema(example = "26") long totalItems, @Schema(example = "2") int totalPages) {
    }
}
