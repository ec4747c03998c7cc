package cn.gov.zhuzhou.duban.plan;

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

@Path("/api/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks", description = "The plan's tasks: standing tasks, near-term items and their sub-items.")
public class TaskResource {

    private final TaskService tasks;

    TaskResource(TaskService tasks) {
        this.tasks = tasks;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OFFICE, Roles.LEADER, Roles.SUPERVISOR, Roles.UNIT, Roles.PARTNER})
    @Operation(operationId = "listTasks", summary = "Find tasks by plan, kind, area, lead city, unit, status, deadline or text")
    @APIResponse(responseCode = "200", description = "A page of tasks.", content = @Content(schema = @Schema(implementation = TaskPage.class)))
    public Page<TaskView> listTasks(@Valid @BeanParam TaskSearch search, @Valid @BeanParam PageQuery page) {
        return tasks.searchTasks(search, page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICE, Roles.LEADER, Roles.SUPERVISOR, Roles.UNIT, Roles.PARTNER})
    @Operation(operationId = "getTask", summary = "Get one task")
    @APIResponse(responseCode = "200", description = "The task.", content = @Content(schema = @Schema(implementation = TaskView.class)))
    public TaskView getTask(@Parameter(description = "Task id.", example = "14") @PathParam("id") long id) {
        return tasks.getTask(id);
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.OFFICE})
    @Operation(operationId = "createTask", summary = "Add a task to a plan")
    @APIResponse(responseCode = "201", description = "Created; Location names the new task.",
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    public Response createTask(@Valid @NotNull(message = "请求体不能为空") TaskCreateRequest request, @Context UriInfo uri) {
        TaskView view = tasks.createTask(request);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/tasks/{id}").build(view.id())).entity(view).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICE})
    @Operation(operationId = "updateTask", summary = "Replace a task's content")
    @APIResponse(responseCode = "200", description = "The updated task.", content = @Content(schema = @Schema(implementation = TaskView.class)))
    public TaskView updateTask(@Parameter(description = "Task id.", example = "14") @PathParam("id") long id,
            @Valid @NotNull(message = "请求体不能为空") TaskUpdateRequest request) {
        return tasks.updateTask(id, request);
    }

    @POST
    @Path("/{id}/move")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICE})
    @Operation(operationId = "moveTask", summary = "Move a task under another parent, or to the top")
    @APIResponse(responseCode = "200", description = "The moved task.", content = @Content(schema = @Schema(implementation = TaskView.class)))
    public TaskView moveTask(@Parameter(description = "Task id.", example = "14") @PathParam("id") long id,
            @Valid @NotNull(message = "请求体不能为空") TaskMoveRequest request) {
        return tasks.moveTask(id, request);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICE})
    @Operation(operationId = "deleteTask", summary = "Delete a task that nothing refers to")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public void deleteTask(@Parameter(description = "Task id.", example = "14") @PathParam("id") long id) {
        tasks.deleteTask(id);
    }

    @POST
    @Path("/{id}/progress")
    @RolesAllowed({Roles.OFFICE, Roles.UNIT, Roles.PARTNER})
    @Operation(operationId = "reportTaskProgress", summary = "Report progress on a task (office; a responsible unit; the partner city that leads it)")
    @APIResponse(responseCode = "200", description = "The task with its new status and percent.",
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "403", description = "Not this caller's task: a unit outside its responsibility, a partner off its city's tasks.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = cn.gov.zhuzhou.duban.common.error.Problem.class)))
    public TaskView reportProgress(@Parameter(description = "Task id.", example = "14") @PathParam("id") long id,
            @Valid @NotNull(message = "请求体不能为空") TaskProgressRequest request) {
        return tasks.reportProgress(id, request);
    }

    @GET
    @Path("/{id}/progress")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICE, Roles.LEADER, Roles.SUPERVISOR, Roles.UNIT, Roles.PARTNER})
    @Operation(operationId = "listTaskProgress", summary = "A task's history of progress, newest first")
    @APIResponse(responseCode = "200", description = "A page of progress reports, newest first.",
            content = @Content(schema = @Schema(implementation = TaskProgressPage.class)))
    public Page<TaskProgressView> listProgress(@Parameter(description = "Task id.", example = "14") @PathParam("id") long id,
            @Valid @BeanParam PageQuery page) {
        return Page.slice(tasks.progressHistory(id), page);
    }

    @Schema(name = "TaskProgressPage", requiredProperties = {"items", "page", "size", "totalItems", "totalPages"}, description = "A page of a task's progress reports.")
    public record TaskProgressPage(List<TaskProgressView> items, @Schema(example = "1") int page, @Schema(example = "20") int size,
            @Schema(example = "26") long totalItems, @Schema(example = "2") int totalPages) {
    }

    @Schema(name = "TaskPage", requiredProperties = {"items", "page", "size", "totalItems", "totalPages"}, description = "A page of tasks.")
    public record TaskPage(List<TaskView> items, @Schema(example = "1") int page, @Schema(example = "20") int size,
            @Schema(example = "26") long totalItems, @Schema(example = "2") int totalPages) {
    }
}
