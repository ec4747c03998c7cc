package cn.gov.zhuzhou.duban.common.schedule;

import cn.gov.zhuzhou.duban.common.paging.Page;
import cn.gov.zhuzhou.duban.common.paging.PageQuery;
import cn.gov.zhuzhou.duban.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
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

@Path("/api/v1/job-runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Schedules", description = "Runs of the scheduled jobs: the monthly regular session, the overdue sweep, the reminders.")
public class JobRunResource {

    private final JobRuns runs;

    JobRunResource(JobRuns runs) {
        this.runs = runs;
    }

    @GET
    @RolesAllowed({Roles.OFFICE, Roles.ADMIN})
    @Operation(operationId = "listJobRuns", summary = "Runs of the scheduled jobs, newest first: which instance, when, outcome, what it did")
    @APIResponse(responseCode = "200", description = "A page of runs.", content = @Content(schema = @Schema(implementation = JobRunPage.class)))
    public Page<JobRuns.View> list(
            @Parameter(description = "Only this job: regular-office-session, supervision-overdue-sweep or deadline-reminders.",
                    example = "regular-office-session") @QueryParam("job") String job,
            @Valid @BeanParam PageQuery page) {
        return runs.search(job, page);
    }

    @Schema(name = "JobRunPage", requiredProperties = {"items", "page", "size", "totalItems", "totalPages"}, description = "A page of job runs.")
    public record JobRunPage(List<JobRuns.View> items, @Schema(example = "1") int page, @Schema(example = "20") int size,
            @Schema(example = "31") long totalItems, @Schema(example = "2") int totalPages) {
    }
}
