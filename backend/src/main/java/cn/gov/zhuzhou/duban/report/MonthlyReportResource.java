package cn.gov.zhuzhou.duban.report;

import cn.gov.zhuzhou.duban.common.error.InvalidRequestException;
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
@Tag(name = "Monthly reports", description = "Each lead or main responsible unit reports last month's work by the 5th (月报).")
public class MonthlyReportResource {

    private final MonthlyReportService reports;

    MonthlyReportResource(MonthlyReportService reports) {
        this.reports = reports;
    }

    @GET
    @Path("/reports")
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.SUPERVISOR, Roles.UNIT})
    @Operation(operationId = "listMonthlyReports", summary = "List monthly reports (a liaison sees its own unit's only)")
    @APIResponse(responseCode = "200", description = "A page of reports.", content = @Content(schema = @Schema(implementation = MonthlyReportPage.class)))
    public Page<MonthlyReportView> listReports(
            @Parameter(description = "Month reported on, yyyy-MM.", example = "2026-10") @QueryParam("month")
            @Pattern(regexp = Months.PATTERN, message = Months.MESSAGE) String month,
            @Parameter(description = "Only this unit's reports.", example = "12") @QueryParam("unitId") Long unitId,
            @Parameter(description = "Report status.") @QueryParam("status") ReportStatus status,
            @Valid @BeanParam PageQuery page) {
        return reports.searchReports(month, unitId, status, page);
    }

    @GET
    @Path("/reports/{id}")
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.SUPERVISOR, Roles.UNIT})
    @Operation(operationId = "getMonthlyReport", summary = "Get one monthly report")
    @APIResponse(responseCode = "200", description = "The report.", content = @Content(schema = @Schema(implementation = MonthlyReportView.class)))
    public MonthlyReportView getReport(@Parameter(description = "Report id.", example = "7") @PathParam("id") long id) {
        return reports.getReport(id);
    }

    @POST
    @Path("/reports")
    @RolesAllowed(Roles.UNIT)
    @Operation(operationId = "createMonthlyReport", summary = "Draft the caller's unit's report on an ended month")
    @APIResponse(responseCode = "201", description = "The draft.", content = @Content(schema = @Schema(implementation = MonthlyReportView.class)))
    public Response draftReport(@Valid @NotNull(message = "请求体不能为空") MonthlyReportWriteRequest.Create request, @Context UriInfo uri) {
        MonthlyReportView view = reports.draftReport(request);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/reports/{id}").build(view.id())).entity(view).build();
    }

    @PUT
    @Path("/reports/{id}")
    @RolesAllowed(Roles.UNIT)
    @Operation(operationId = "updateMonthlyReport", summary = "Revise a draft or returned report")
    @APIResponse(responseCode = "200", description = "The revised report.", content = @Content(schema = @Schema(implementation = MonthlyReportView.class)))
    public MonthlyReportView reviseReport(@Parameter(description = "Report id.", example = "7") @PathParam("id") long id,
            @Valid @NotNull(message = "请求体不能为空") MonthlyReportWriteRequest.Update request) {
        return reports.reviseReport(id, request);
    }

    @POST
    @Path("/reports/{id}/submissions")
    @RolesAllowed(Roles.UNIT)
    @Operation(operationId = "submitMonthlyReport", summary = "Submit a report; after the 5th it is marked late")
    @APIResponse(responseCode = "200", description = "The submitted report.", content = @Content(schema = @Schema(implementation = MonthlyReportView.class)))
    public MonthlyReportView submitReport(@Parameter(description = "Report id.", example = "7") @PathParam("id") long id,
            @Valid @NotNull(message = "请求体不能为空") MonthlyReportWriteRequest.Submission request) {
        return reports.submitReport(id, request);
    }

    @POST
    @Path("/reports/{id}/returns")
    @RolesAllowed(Roles.OFFICE)
    @Operation(operationId = "returnMonthlyReport", summary = "Return a submitted report to its unit for revision")
    @APIResponse(responseCode = "200", description = "The returned report.", content = @Content(schema = @Schema(implementation = MonthlyReportView.class)))
    public MonthlyReportView returnReport(@Parameter(description = "Report id.", example = "7") @PathParam("id") long id,
            @Valid @NotNull(message = "请求体不能为空") MonthlyReportWriteRequest.Return request) {
        return reports.returnReport(id, request);
    }

    @GET
    @Path("/reports/{id}/revisions")
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.SUPERVISOR, Roles.UNIT})
    @Operation(operationId = "listMonthlyReportRevisions", summary = "Every submitted version of a report")
    @APIResponse(responseCode = "200", description = "A page of revisions, oldest first.",
            content = @Content(schema = @Schema(implementation = RevisionPage.class)))
    public Page<MonthlyReportHistoryViews.Revision> revisions(@Parameter(description = "Report id.", example = "7") @PathParam("id") long id,
            @Valid @BeanParam PageQuery page) {
        return Page.slice(reports.revisions(id), page);
    }

    @GET
    @Path("/reports/{id}/history")
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.SUPERVISOR, Roles.UNIT})
    @Operation(operationId = "listMonthlyReportHistory", summary = "Every state change of a report: who, when, from, to, why")
    @APIResponse(responseCode = "200", description = "A page of state changes, oldest first.",
            content = @Content(schema = @Schema(implementation = EventPage.class)))
    public Page<MonthlyReportHistoryViews.Event> history(@Parameter(description = "Report id.", example = "7") @PathParam("id") long id,
            @Valid @BeanParam PageQuery page) {
        return Page.slice(reports.history(id), page);
    }

    @GET
    @Path("/reporting-months/{month}/units")
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.SUPERVISOR})
    @Operation(operationId = "listReportingStandings", summary = "For a month: who has submitted, who is late, who has not reported")
    @APIResponse(responseCode = "200", description = "A page of the lead or main responsible units and where each stands, by unit code.",
            content = @Content(schema = @Schema(implementation = StandingPage.class)))
    public Page<MonthlyReportHistoryViews.UnitStanding> standings(
            @Parameter(description = "Month reported on, yyyy-MM.", example = "2026-10") @PathParam("month") String month,
            @Parameter(description = "Only units standing so (repeat for several): SUBMITTED_ON_TIME, SUBMITTED_LATE, NOT_SUBMITTED, MISSING.")
            @QueryParam("standing") List<MonthlyReportHistoryViews.Standing> standing,
            @Valid @BeanParam PageQuery page) {
        if (month == null || !month.matches(Months.PATTERN)) {
            throw new InvalidRequestException("month", Months.MESSAGE);
        }
        return Page.slice(reports.standings(YearMonth.parse(month), standing), page);
    }

    @Schema(name = "MonthlyReportRevisionPage", requiredProperties = {"items", "page", "size", "totalItems", "totalPages"}, description = "A page of a report's submitted versions.")
    public record RevisionPage(List<MonthlyReportHistoryViews.Revision> items, @Schema(example = "1") int page, @Schema(example = "20") int size,
            @Schema(example = "26") long totalItems, @Schema(example = "2") int totalPages) {
    }
    @Schema(name = "MonthlyReportEventPage", requiredProperties = {"items", "page", "size", "totalItems", "totalPages"}, description = "A page of a report's state changes.")
    public record EventPage(List<MonthlyReportHistoryViews.Event> items, @Schema(example = "1") int page, @Schema(example = "20") int size,
            @Schema(example = "26") long totalItems, @Schema(example = "2") int totalPages) {
    }
    @Schema(name = "ReportingStandingPage", requiredProperties = {"items", "page", "size", "totalItems", "totalPages"}, description = "A page of a month's reporting standings.")
    public record StandingPage(List<MonthlyReportHistoryViews.UnitStanding> items, @Schema(example = "1") int page, @Schema(example = "20") int size,
            @Schema(example = "26") long totalItems, @Schema(example = "2") int totalPages) {
    }

    @Schema(name = "MonthlyReportPage", requiredProperties = {"items", "page", "size", "totalItems", "totalPages"}, description = "A page of monthly reports.")
    public record MonthlyReportPage(List<MonthlyReportView> items, @Schema(example = "1") int page, @Schema(example = "20") int size,
            @Schema(example = "26") long totalItems, @Schema(example = "2") int totalPages) {
    }
}
