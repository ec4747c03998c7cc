package cn.gov.zhuzhou.duban.problem;

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

@Path("/api/v1/problems")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Problems", description = "Problems and difficulties (问题和困难), classified by coordination level (annex 2, rules 5 and 7).")
public class ProblemResource {

    private final ProblemService problems;

    ProblemResource(ProblemService problems) {
        this.problems = problems;
    }

    @GET
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.SUPERVISOR, Roles.UNIT})
    @Operation(operationId = "listProblems", summary = "Find problems by status, level, task, unit or source (a liaison sees its own unit's)")
    @APIResponse(responseCode = "200", description = "A page of problems.", content = @Content(schema = @Schema(implementation = ProblemPage.class)))
    public Page<ProblemView> listProblems(@Valid @BeanParam ProblemSearch search, @Valid @BeanParam PageQuery page) {
        return problems.searchProblems(search, page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.SUPERVISOR, Roles.UNIT})
    @Operation(operationId = "getProblem", summary = "Get one problem")
    @APIResponse(responseCode = "200", description = "The problem.", content = @Content(schema = @Schema(implementation = ProblemView.class)))
    public ProblemView getProblem(@Parameter(description = "Problem id.", example = "5") @PathParam("id") long id) {
        return problems.getProblem(id);
    }

    @POST
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.SUPERVISOR, Roles.UNIT})
    @Operation(operationId = "createProblem", summary = "Raise a problem on a task")
    @APIResponse(responseCode = "201", description = "The new, still unclassified problem.",
            content = @Content(schema = @Schema(implementation = ProblemView.class)))
    public Response raiseProblem(@Valid @NotNull(message = "请求体不能为空") ProblemRequests.Create request, @Context UriInfo uri) {
        ProblemView view = problems.raiseProblem(request);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/problems/{id}").build(view.id())).entity(view).build();
    }

    @POST
    @Path("/{id}/classifications")
    @RolesAllowed(Roles.OFFICE)
    @Operation(operationId = "classifyProblem", summary = "Classify a problem: category and coordination level")
    @APIResponse(responseCode = "200", description = "The classified problem, with the session level that can settle it.",
            content = @Content(schema = @Schema(implementation = ProblemView.class)))
    public ProblemView classify(@Parameter(description = "Problem id.", example = "5") @PathParam("id") long id,
            @Valid @NotNull(message = "请求体不能为空") ProblemRequests.Classification request) {
        return problems.classifyProblem(id, request);
    }

    @POST
    @Path("/{id}/escalations")
    @RolesAllowed({Roles.OFFICE, Roles.LEADER})
    @Operation(operationId = "escalateProblem", summary = "Escalate a classified problem to a higher coordination level, with the reason")
    @APIResponse(responseCode = "200", description = "The escalated problem.", content = @Content(schema = @Schema(implementation = ProblemView.class)))
    public ProblemView escalate(@Parameter(description = "Problem id.", example = "5") @PathParam("id") long id,
            @Valid @NotNull(message = "请求体不能为空") ProblemRequests.Escalation request) {
        return problems.escalateProblem(id, request);
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.SUPERVISOR, Roles.UNIT})
    @Operation(operationId = "listProblemHistory", summary = "Every step of a problem: raised, classified, escalated (with reasons)")
    @APIResponse(responseCode = "200", description = "A page of steps, oldest first.",
            content = @Content(schema = @Schema(implementation = EventPage.class)))
    public Page<ProblemView.EventView> history(@Parameter(description = "Problem id.", example = "5") @PathParam("id") long id,
            @Valid @BeanParam PageQuery page) {
        return Page.slice(problems.history(id), page);
    }

    @Schema(name = "ProblemEventPage", requiredProperties = {"items", "page", "size", "totalItems", "totalPages"}, description = "A page of a problem's steps.")
    public record EventPage(List<ProblemView.EventView> items, @Schema(example = "1") int page, @Schema(example = "20") int size,
            @Schema(example = "26") long totalItems, @Schema(example = "2") int totalPages) {
    }

    @Schema(name = "ProblemPage", requiredProperties = {"items", "page", "size", "totalItems", "totalPages"}, description = "A page of problems.")
    public record ProblemPage(List<ProblemView> items, @Schema(example = "1") int page, @Schema(example = "20") int size,
            @Schema(example = "26") long totalItems, @Schema(example = "2") int totalPages) {
    }
}
