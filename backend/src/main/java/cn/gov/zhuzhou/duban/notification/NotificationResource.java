package cn.gov.zhuzhou.duban.notification;

import cn.gov.zhuzhou.duban.common.paging.Page;
import cn.gov.zhuzhou.duban.common.paging.PageQuery;
import cn.gov.zhuzhou.duban.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
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
@Tag(name = "Notifications", description = "Reminders before and after an item's deadline, and urgings (催办), as sent to units.")
public class NotificationResource {

    private final NotificationService notifications;

    NotificationResource(NotificationService notifications) {
        this.notifications = notifications;
    }

    @GET
    @Path("/notifications")
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.SUPERVISOR, Roles.UNIT})
    @Operation(operationId = "listNotifications", summary = "Reminders and urgings sent to units (a liaison sees its own unit's)")
    @APIResponse(responseCode = "200", description = "A page of notifications, newest first.",
            content = @Content(schema = @Schema(implementation = NotificationPage.class)))
    public Page<NotificationService.View> listNotifications(
            @Parameter(description = "Only this unit's.", example = "12") @QueryParam("unitId") Long unitId,
            @Parameter(description = "Kind of notification.") @QueryParam("kind") Notification.Kind kind,
            @Parameter(description = "Only those about this assigned item.", example = "9") @QueryParam("itemId") Long itemId,
            @Valid @BeanParam PageQuery page) {
        return notifications.search(unitId, kind, itemId, page);
    }

    @POST
    @Path("/reminder-sweeps")
    @RolesAllowed(Roles.OFFICE)
    @Operation(operationId = "sendDueReminders", summary = "Send today's deadline reminders now (also runs every night)")
    @APIResponse(responseCode = "200", description = "How many reminders were sent.", content = @Content(schema = @Schema(implementation = ReminderResult.class)))
    public ReminderResult sendReminders() {
        return new ReminderResult(notifications.sendDueReminders());
    }

    @Schema(name = "ReminderSweepResult", requiredProperties = {"sent"}, description = "The outcome of a reminder sweep.")
    public record ReminderResult(@Schema(example = "3") int sent) {
    }

    @Schema(name = "NotificationPage", requiredProperties = {"items", "page", "size", "totalItems", "totalPages"}, description = "A page of notifications.")
    public record NotificationPage(List<NotificationService.View> items, @Schema(example = "1") int page, @Schema(example = "20") int size,
            @Schema(example = "26") long totalItems, @Schema(example = "2") int totalPages) {
    }
}
