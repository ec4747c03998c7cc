package cn.gov.zhuzhou.duban.events;

import cn.gov.zhuzhou.duban.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events", description = "The change feed: domain events in commit order, read with an opaque cursor, narrowed to what the caller may read.")
public class EventResource {

    private final EventFeed feed;

    EventResource(EventFeed feed) {
        this.feed = feed;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OFFICE, Roles.LEADER, Roles.SUPERVISOR, Roles.UNIT, Roles.PARTNER})
    @Operation(operationId = "listEvents", summary = "Read the change feed after a cursor (a partner: its shared tasks; a liaison: its own unit's)")
    @APIResponse(responseCode = "200", description = "The next events in commit order, and the cursor to continue from.",
            content = @Content(schema = @Schema(implementation = EventFeed.FeedPage.class)))
    public EventFeed.FeedPage listEvents(
            @Parameter(description = "The next cursor of the previous page; leave out to read from the start.") @QueryParam("after") String after,
            @Parameter(description = "Events per page, 1 to 200 (default 50).", example = "50") @QueryParam("size") @DefaultValue("50")
            @Min(value = 1, message = "每页条数至少为 1") @Max(value = 200, message = "每页条数不能超过 200") int size) {
        return feed.read(after, size);
    }
}
