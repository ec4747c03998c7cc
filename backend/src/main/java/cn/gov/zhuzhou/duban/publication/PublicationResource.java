package cn.gov.zhuzhou.duban.publication;

import cn.gov.zhuzhou.duban.common.document.DocumentFormat;
import cn.gov.zhuzhou.duban.common.document.DocumentRenderer;
import cn.gov.zhuzhou.duban.common.document.DocumentSpec;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/publications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Publications", description = "Bulletins (通报), briefs (简报), quarterly and half-year summaries (小结, 总结) and the annual assessment: "
        + "generated as drafts from the data as it stood at the end of the period, published frozen, corrected by a new text that supersedes.")
public class PublicationResource {

    private final PublicationService publications;
    private final DocumentRenderer renderer;

    PublicationResource(PublicationService publications, DocumentRenderer renderer) {
        this.publications = publications;
        this.renderer = renderer;
    }

    @POST
    @RolesAllowed(Roles.OFFICE)
    @Operation(operationId = "createPublication", summary = "Generate a draft for a plan and a period that has ended (one draft or published text per kind, plan and period)")
    @APIResponse(responseCode = "201", description = "The draft with its figures.", content = @Content(schema = @Schema(implementation = PublicationViews.View.class)))
    public Response generate(@Valid @NotNull(message = "请求体不能为空") PublicationViews.Create request, @Context UriInfo uri) {
        PublicationViews.View view = publications.generate(request);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/publications/{id}").build(view.id())).entity(view).build();
    }

    @GET
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.SUPERVISOR, Roles.UNIT, Roles.PARTNER})
    @Operation(operationId = "listPublications", summary = "List publications, latest period first (the office: drafts too; everyone else: published and superseded ones)")
    @APIResponse(responseCode = "200", description = "A page of publications.", content = @Content(schema = @Schema(implementation = PublicationViews.SummaryPage.class)))
    public Page<PublicationViews.Summary> list(@Parameter(description = "Only this kind.") @QueryParam("kind") PublicationKind kind,
            @Parameter(description = "Only this period (2026-11, 2026-Q4, 2026-H2, 2026).", example = "2026-11") @QueryParam("period") String period,
            @Parameter(description = "Only this plan.", example = "1") @QueryParam("planId") Long planId,
            @Parameter(description = "Only this status (a draft is the office's only).") @QueryParam("status") PublicationStatus status,
            @Valid @BeanParam PageQuery page) {
        return publications.search(kind, period, planId, status, page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.SUPERVISOR, Roles.UNIT, Roles.PARTNER})
    @Operation(operationId = "getPublication", summary = "Get a publication with its figures as stored (a unit: its own lines; a partner: the shared tasks; a draft: the office only)")
    @APIResponse(responseCode = "200", description = "The publication.", content = @Content(schema = @Schema(implementation = PublicationViews.View.class)))
    public PublicationViews.View get(@Parameter(description = "Publication id.", example = "7") @PathParam("id") long id) {
        return publications.get(id);
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.SUPERVISOR, Roles.UNIT, Roles.PARTNER})
    @Operation(operationId = "listPublicationHistory", summary = "A publication's steps: generated, prose edited, published, correction asked, superseded (who, when, why)")
    @APIResponse(responseCode = "200", description = "A page of steps, oldest first.", content = @Content(schema = @Schema(implementation = PublicationViews.EventPage.class)))
    public Page<PublicationViews.Event> history(@Parameter(description = "Publication id.", example = "7") @PathParam("id") long id,
            @Valid @BeanParam PageQuery page) {
        return Page.slice(publications.history(id), page);
    }

    @GET
    @Path("/{id}/documents/{format}")
    @Produces({"application/pdf", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv"})
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.SUPERVISOR, Roles.UNIT, Roles.PARTNER})
    @Operation(operationId = "downloadPublication", summary = "Download a publication as PDF, XLSX or CSV (the same cut of the figures the caller reads as JSON)")
    @APIResponse(responseCode = "200", description = "The document, as an attachment.", content = {
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response download(@Parameter(description = "Publication id.", example = "7") @PathParam("id") long id,
            @Parameter(description = "pdf, xlsx or csv.", example = "pdf") @PathParam("format") String format) {
        DocumentFormat f = DocumentFormats.parse(format);
        DocumentSpec spec = publications.document(id);
        byte[] bytes = renderer.render(spec, f);
        String name = DocumentRenderer.fileName(spec, f);
        return Response.ok(bytes, f.mediaType()).header("Content-Disposition", "attachment; filename=\"publication-" + id + "." + f.extension()
                + "\"; filename*=UTF-8''" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.OFFICE)
    @Operation(operationId = "updatePublicationProse", summary = "Edit a draft's prose: opening, highlights, next steps (a published text is never edited: 409)")
    @APIResponse(responseCode = "200", description = "The draft.", content = @Content(schema = @Schema(implementation = PublicationViews.View.class)))
    public PublicationViews.View editProse(@Parameter(description = "Publication id.", example = "7") @PathParam("id") long id,
            @Valid @NotNull(message = "请求体不能为空") PublicationViews.Prose request) {
        return publications.editProse(id, request);
    }

    @POST
    @Path("/{id}/releases")
    @RolesAllowed(Roles.OFFICE)
    @Operation(operationId = "publishPublication", summary = "Publish a draft: its figures and prose are frozen; a correction supersedes the text it corrects")
    @APIResponse(responseCode = "200", description = "The published text.", content = @Content(schema = @Schema(implementation = PublicationViews.View.class)))
    public PublicationViews.View publish(@Parameter(description = "Publication id.", example = "7") @PathParam("id") long id,
            @Valid @NotNull(message = "请求体不能为空") PublicationViews.Publish request) {
        return publications.publish(id, request);
    }

    @POST
    @Path("/{id}/corrections")
    @RolesAllowed(Roles.OFFICE)
    @Operation(operationId = "correctPublication", summary = "Ask for a correction of a published text: a new draft with fresh figures that points to it and says why")
    @APIResponse(responseCode = "201", description = "The correction draft.", content = @Content(schema = @Schema(implementation = PublicationViews.View.class)))
    public Response correct(@Parameter(description = "Id of the published text to correct.", example = "7") @PathParam("id") long id,
            @Valid @NotNull(message = "请求体不能为空") PublicationViews.Correction request, @Context UriInfo uri) {
        PublicationViews.View view = publications.correct(id, request);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/publications/{id}").build(view.id())).entity(view).build();
    }
}
