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

@Path("/api/v1/groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Groups", description = "The leading group, its office and working groups (annex 1), and their rosters.")
public class GroupResource {

    private final OrganisationService organisation;

    GroupResource(OrganisationService organisation) {
        this.organisation = organisation;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OFFICE, Roles.LEADER, Roles.SUPERVISOR, Roles.UNIT})
    @Operation(operationId = "listGroups", summary = "List groups")
    @APIResponse(responseCode = "200", description = "A page of groups (without rosters).",
            content = @Content(schema = @Schema(implementation = GroupPage.class)))
    public Page<GroupView> listGroups(@Parameter(description = "Kind of group.") @QueryParam("kind") GroupKind kind,
            @Valid @BeanParam PageQuery page) {
        return organisation.searchGroups(kind, page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICE, Roles.LEADER, Roles.SUPERVISOR, Roles.UNIT})
    @Operation(operationId = "getGroup", summary = "Get a group with its roster: each seat's post, holder and earlier holders")
    @APIResponse(responseCode = "200", description = "The group.", content = @Content(schema = @Schema(implementation = GroupView.class)))
    public GroupView getGroup(@Parameter(description = "Group id.", example = "1") @PathParam("id") long id) {
        return organisation.getGroup(id);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createGroup", summary = "Create a group")
    @APIResponse(responseCode = "201", description = "Created.", content = @Content(schema = @Schema(implementation = GroupView.class)))
    public Response createGroup(@Valid @NotNull(message = "请求体不能为空") GroupCreateRequest request, @Context UriInfo uri) {
        GroupView view = organisation.createGroup(request);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/groups/{id}").build(view.id())).entity(view).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateGroup", summary = "Change a group's description")
    @APIResponse(responseCode = "200", description = "The updated group.", content = @Content(schema = @Schema(implementation = GroupView.class)))
    public GroupView updateGroup(@Parameter(description = "Group id.", example = "1") @PathParam("id") long id,
            @Valid @NotNull(message = "请求体不能为空") GroupUpdateRequest request) {
        return organisation.updateGroup(id, request);
    }

    @POST
    @Path("/{id}/memberships")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createGroupMembership", summary = "Seat a post in a group")
    @APIResponse(responseCode = "201", description = "The group with its new roster.",
            content = @Content(schema = @Schema(implementation = GroupView.class)))
    public Response addMember(@Parameter(description = "Group id.", example = "1") @PathParam("id") long id,
            @Valid @NotNull(message = "请求体不能为空") MembershipCreateRequest request, @Context UriInfo uri) {
        GroupView view = organisation.addMember(id, request);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/groups/{id}").build(id)).entity(view).build();
    }

    @DELETE
    @Path("/{id}/memberships/{membershipId}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "deleteGroupMembership", summary = "Remove a seat from a group")
    @APIResponse(responseCode = "204", description = "Removed.")
    public void removeMember(@Parameter(description = "Group id.", example = "1") @PathParam("id") long id,
            @Parameter(description = "Membership id.", example = "5") @PathParam("membershipId") long membershipId) {
        organisation.removeMember(id, membershipId);
    }

    @Schema(name = "GroupPage", requiredProperties = {"items", "page", "size", "totalItems", "totalPages"}, description = "A page of groups.")
    public record GroupPage(List<GroupView> items, @Schema(example = "1") int page, @Schema(example = "20") int size,
            @Schema(example = "26") long totalItems, @Schema(example = "2") int totalPages) {
    }
}
