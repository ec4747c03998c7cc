package cn.gov.zhuzhou.duban.unit;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Units", description = "Cities and responsible units (责任单位).")
public class UnitResource {

    private final UnitService service;

    UnitResource(UnitService service) {
        this.service = service;
    }

    @GET
    @Path("/cities")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICE, Roles.LEADER, Roles.SUPERVISOR, Roles.UNIT, Roles.PARTNER})
    @Operation(operationId = "listCities", summary = "List the three cities",
            description = "A bare array, not a page: the list is bounded, the three cities of the cluster (长沙、株洲、湘潭) fixed by the plan.")
    @APIResponse(responseCode = "200", description = "The cities.",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = CityView.class)))
    public List<CityView> listCities() {
        return service.listCities().stream().map(CityView::of).toList();
    }

    @GET
    @Path("/units")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICE, Roles.LEADER, Roles.SUPERVISOR, Roles.UNIT})
    @Operation(operationId = "listUnits", summary = "List units, filtered and paged")
    @APIResponse(responseCode = "200", description = "A page of units.",
            content = @Content(schema = @Schema(implementation = UnitPage.class)))
    public Page<UnitView> listUnits(
            @Parameter(description = "City code (CS, ZZ, XT).", example = "ZZ") @QueryParam("city") String city,
            @Parameter(description = "Kind of unit.") @QueryParam("kind") UnitKind kind,
            @Parameter(description = "Text to find in the name, short name or code.", example = "教育") @QueryParam("q") String q,
            @Valid @BeanParam PageQuery page) {
        return service.searchUnits(city, kind, q, page).map(UnitView::of);
    }

    @GET
    @Path("/units/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICE, Roles.LEADER, Roles.SUPERVISOR, Roles.UNIT})
    @Operation(operationId = "getUnit", summary = "Get one unit")
    @APIResponse(responseCode = "200", description = "The unit.", content = @Content(schema = @Schema(implementation = UnitView.class)))
    public UnitView getUnit(@Parameter(description = "Unit id.", example = "12") @PathParam("id") long id) {
        return UnitView.of(service.getUnit(id));
    }

    @POST
    @Path("/units")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createUnit", summary = "Register a unit")
    @APIResponse(responseCode = "201", description = "Created; Location names the new unit.",
            content = @Content(schema = @Schema(implementation = UnitView.class)))
    public Response createUnit(@Valid @NotNull(message = "请求体不能为空") UnitCreateRequest request, @jakarta.ws.rs.core.Context UriInfo uri) {
        UnitView view = UnitView.of(service.createUnit(request));
        return Response.created(uri.getBaseUriBuilder().path("api/v1/units/{id}").build(view.id())).entity(view).build();
    }

    @PUT
    @Path("/units/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateUnit", summary = "Rename a unit or change its kind")
    @APIResponse(responseCode = "200", description = "The updated unit.", content = @Content(schema = @Schema(implementation = UnitView.class)))
    public UnitView updateUnit(@Parameter(description = "Unit id.", example = "12") @PathParam("id") long id,
            @Valid @NotNull(message = "请求体不能为空") UnitUpdateRequest request) {
        return UnitView.of(service.updateUnit(id, request));
    }

    @DELETE
    @Path("/units/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "deleteUnit", summary = "Delete a unit that nothing refers to")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public void deleteUnit(@Parameter(description = "Unit id.", example = "12") @PathParam("id") long id) {
        service.deleteUnit(id);
    }

    /** Named page type, so the contract has no anonymous generic schema. */
    @Schema(name = "UnitPage", requiredProperties = {"items", "page", "size", "totalItems", "totalPages"})
    public record UnitPage(List<UnitView> items, @Schema(example = "1") int page, @Schema(example = "20") int size,
            @Schema(example = "26") long totalItems, @Schema(example = "2") int totalPages) {
    }
}
