package cn.gov.zhuzhou.duban.assessment;

import cn.gov.zhuzhou.duban.common.http.PreparedJson;
import cn.gov.zhuzhou.duban.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/assessments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assessment", description = "The annual assessment ranking (年度考核排名): each unit's score from its records by the office's rules.")
public class AssessmentResource {

    private final LiveAssessments assessments;

    AssessmentResource(LiveAssessments assessments) {
        this.assessments = assessments;
    }

    @GET
    @Path("/{year}")
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.SUPERVISOR, Roles.UNIT})
    @Operation(operationId = "getAssessment",
            summary = "The year's assessment ranking computed live, as the records stood at the year's end or today (a liaison: the ranking and only its own unit's lines)")
    @APIResponse(responseCode = "200", description = "The ranking with each unit's score line by line. The whole year's answer (megabytes at "
            + "province scale) comes gzipped to a client whose Accept-Encoding takes gzip, as a browser's does.",
            content = @Content(schema = @Schema(implementation = AssessmentView.class)),
            headers = {
                    @Header(name = "Content-Encoding", description = PreparedJson.CONTENT_ENCODING_DOC,
                            schema = @Schema(type = SchemaType.STRING, enumeration = "gzip")),
                    @Header(name = "Vary", description = PreparedJson.VARY_DOC, schema = @Schema(type = SchemaType.STRING, example = "Accept-Encoding"))})
    public Response get(@Parameter(description = "The year, from 2019 to the current year.", example = "2026") @PathParam("year") String year,
            @Parameter(description = "Only this unit's breakdown (the ranking stays whole): what a screen showing one unit's lines asks "
                    + "for, instead of every unit's (megabytes at province scale). A liaison sees only its own unit's in any case.",
                    example = "12") @QueryParam("unitId") Long unitId, @Context HttpHeaders headers) {
        return assessments.preview(year, unitId).respond(headers);
    }
}
