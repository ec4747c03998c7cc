package cn.gov.zhuzhou.duban.plan;

import cn.gov.zhuzhou.duban.common.http.PreparedJson;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Plans", description = "Plan documents (行动方案), their areas (专项) and task trees.")
public class PlanResource {

    private final PlanService plans;
    private final LiveTrees trees;

    PlanResource(PlanService plans, LiveTrees trees) {
        this.plans = plans;
        this.trees = trees;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OFFICE, Roles.LEADER, Roles.SUPERVISOR, Roles.UNIT})
    @Operation(operationId = "listPlans", summary = "List plans, newest document first")
    @APIResponse(responseCode = "200", description = "A page of plans.", content = @Content(schema = @Schema(implementation = PlanPage.class)))
    public Page<PlanView> listPlans(@Valid @BeanParam PageQuery page) {
        return plans.listPlans(page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICE, Roles.LEADER, Roles.SUPERVISOR, Roles.UNIT})
    @Operation(operationId = "getPlan", summary = "Get one plan")
    @APIResponse(responseCode = "200", description = "The plan.", content = @Content(schema = @Schema(implementation = PlanView.class)))
    public PlanView getPlan(@Parameter(description = "Plan id.", example = "1") @PathParam("id") long id) {
        return plans.getPlan(id);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createPlan", summary = "Register a plan document")
    @APIResponse(responseCode = "201", description = "Created; Location names the new plan.",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    public Response createPlan(@Valid @NotNull(message = "请求体不能为空") PlanCreateRequest request, @Context UriInfo uri) {
        PlanView view = plans.createPlan(request);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/plans/{id}").build(view.id())).entity(view).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updatePlan", summary = "Change a plan's description")
    @APIResponse(responseCode = "200", description = "The updated plan.", content = @Content(schema = @Schema(implementation = PlanView.class)))
    public PlanView updatePlan(@Parameter(description = "Plan id.", example = "1") @PathParam("id") long id,
            @Valid @NotNull(message = "请求体不能为空") PlanUpdateRequest request) {
        return plans.updatePlan(id, request);
    }

    @GET
    @Path("/{id}/areas")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICE, Roles.LEADER, Roles.SUPERVISOR, Roles.UNIT})
    @Operation(operationId = "listPlanAreas", summary = "List a plan's areas (专项)",
            description = "A bare array, not a page: a plan's areas are its few 专项 (the Zhuzhou plan has six), shown whole like the plan tree.")
    @APIResponse(responseCode = "200", description = "The areas in plan order.",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AreaView.class)))
    public List<AreaView> listAreas(@Parameter(description = "Plan id.", example = "1") @PathParam("id") long id) {
        return plans.listAreas(id);
    }

    @POST
    @Path("/{id}/areas")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICE})
    @Operation(operationId = "createPlanArea", summary = "Add an area (专项) to a plan")
    @APIResponse(responseCode = "201", description = "Created.", content = @Content(schema = @Schema(implementation = AreaView.class)))
    public Response createArea(@Parameter(description = "Plan id.", example = "1") @PathParam("id") long id,
            @Valid @NotNull(message = "请求体不能为空") AreaCreateRequest request, @Context UriInfo uri) {
        AreaView view = plans.defineArea(id, request);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/plans/{id}/areas").build(id)).entity(view).build();
    }

    @GET
    @Path("/{id}/tree")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICE, Roles.LEADER, Roles.SUPERVISOR, Roles.UNIT})
    @Operation(operationId = "getPlanTree", summary = "Get a plan's whole task hierarchy in one call")
    @APIResponse(responseCode = "200", description = "Plan, areas and task tree (gzipped for a client whose Accept-Encoding takes gzip, "
            + "as a browser's does: a province plan's tree is megabytes of JSON).",
            content = @Content(schema = @Schema(implementation = PlanTreeView.class)),
            headers = {
                    @Header(name = "Content-Encoding", description = PreparedJson.CONTENT_ENCODING_DOC,
                            schema = @Schema(type = SchemaType.STRING, enumeration = "gzip")),
                    @Header(name = "Vary", description = PreparedJson.VARY_DOC, schema = @Schema(type = SchemaType.STRING, example = "Accept-Encoding"))})
    public Response getTree(@Parameter(description = "Plan id.", example = "1") @PathParam("id") long id, @Context HttpHeaders headers) {
        return trees.tree(id).respond(headers);
    }

    @Schema(name = "PlanPage", requiredProperties = {"items", "page", "size", "totalItems", "totalPages"}, description = "A page of plans.")
    public record PlanPage(List<PlanView> items, @Schema(example = "1") int page, @Schema(example = "20") int size,
            @Schema(example = "26") long totalItems, @Schema(example = "2") int totalPages) {
    }
}
