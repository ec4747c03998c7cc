package cn.gov.zhuzhou.duban.organisation;

import cn.gov.zhuzhou.duban.common.paging.Page;
import cn.gov.zhuzhou.duban.common.paging.PageQuery;
import cn.gov.zhuzhou.duban.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
@Tag(name = "Positions", description = "People and posts (职务); a post keeps its memberships when its holder changes.")
public class PositionResource {

    private final OrganisationService organisation;

    PositionResource(OrganisationService organisation) {
        this.organisation = organisation;
    }

    @GET
    @Path("/people")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICE, Roles.LEADER, Roles.SUPERVISOR, Roles.UNIT})
    @Operation(operationId = "listPeople", summary = "List people")
    @APIResponse(responseCode = "200", description = "A page of people.", content = @Content(schema = @Schema(implementation = PersonPage.class)))
    public Page<PersonView> listPeople(@Parameter(description = "Text to find in the name.", example = "何") @QueryParam("q") String q,
            @Valid @BeanParam PageQuery page) {
        return organisation.searchPeople(q, page);
    }

    @POST
    @Path("/people")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createPerson", summary = "Register a person")
    @APIResponse(responseCode = "201", description = "Created.", content = @Content(schema = @Schema(implementation = PersonView.class)))
    public Response createPerson(@Valid @NotNull(message = "请求体不能为空") PersonCreateRequest request, @Context UriInfo uri) {
        PersonView view = organisation.registerPerson(request);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/people").build()).entity(view).build();
    }

    @GET
    @Path("/positions")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICE, Roles.LEADER, Roles.SUPERVISOR, Roles.UNIT})
    @Operation(operationId = "listPositions", summary = "List posts with their holders")
    @APIResponse(responseCode = "200", description = "A page of posts.", content = @Content(schema = @Schema(implementation = PositionPage.class)))
    public Page<PositionView> listPositions(
            @Parameter(description = "Only posts of this unit.", example = "12") @QueryParam("unitId") Long unitId,
            @Parameter(description = "Text to find in the title or the holder's name.", example = "副市长") @QueryParam("q") String q,
            @Valid @BeanParam PageQuery page) {
        return organisation.searchPositions(unitId, q, page);
    }

    @GET
    @Path("/positions/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICE, Roles.LEADER, Roles.SUPERVISOR, Roles.UNIT})
    @Operation(operationId = "getPosition", summary = "Get one post, its holder and earlier holders")
    @APIResponse(responseCode = "200", description = "The post.", content = @Content(schema = @Schema(implementation = PositionView.class)))
    public PositionView getPosition(@Parameter(description = "Position id.", example = "3") @PathParam("id") long id) {
        return organisation.getPosition(id);
    }

    @POST
    @Path("/positions")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createPosition", summary = "Create a post")
    @APIResponse(responseCode = "201", description = "Created.", content = @Content(schema = @Schema(implementation = PositionView.class)))
    public Response createPosition(@Valid @NotNull(message = "请求体不能为空") PositionCreateRequest request, @Context UriInfo uri) {
        PositionView view = organisation.createPosition(request);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/positions/{id}").build(view.id())).entity(view).build();
    }

    @PUT
    @Path("/positions/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updatePosition", summary = "Change a post's title or unit")
    @APIResponse(responseCode = "200", description = "The updated post.", content = @Content(schema = @Schema(implementation = PositionView.class)))
    public PositionView updatePosition(@Parameter(description = "Position id.", example = "3") @PathParam("id") long id,
            @Valid @NotNull(message = "请求体不能为空") PositionUpdateRequest request) {
        return organisation.updatePosition(id, request);
    }

    @POST
    @Path("/positions/{id}/handover")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "handOverPosition", summary = "Hand a post to its successor, who inherits every membership")
    @APIResponse(responseCode = "200", description = "The post with its new holder.",
            content = @Content(schema = @Schema(implementation = PositionView.class)))
    public PositionView handOver(@Parameter(description = "Position id.", example = "3") @PathParam("id") long id,
            @Valid @NotNull(message = "请求体不能为空") PositionHandoverRequest request) {
        return organisation.handOverPosition(id, request);
    }

    @Schema(name = "PersonPage", requiredProperties = {"items", "page", "size", "totalItems", "totalPages"}, description = "A page of people.")
    public record PersonPage(List<PersonView> items, @Schema(example = "1") int page, @Schema(example = "20") int size,
            @Schema(example = "26") long totalItems, @Schema(example = "2") int totalPages) {
    }

    @Schema(name = "PositionPage", requiredProperties = {"items", "page", "size", "totalItems", "totalPages"}, description = "A page of posts.")
    public record PositionPage(List<PositionView> items, @Schema(example = "1") int page, @Schema(example = "20") int size,
            @Schema(example = "26") long totalItems, @Schema(example = "2") int totalPages) {
    }
}
