package cn.gov.zhuzhou.duban.events;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One domain event as the feed lists it and as a webhook delivers it (the webhook body is exactly this JSON). */
@Schema(name = "DomainEvent", requiredProperties = {"id", "type", "timestamp", "resource", "sequence", "data"},
        description = "A domain event: what happened to which resource, and the resource's state after it, as its GET shows it.")
public record EventView(
        @Schema(example = "3f1c2a4e-8b7d-4c1e-9a55-0d2b6f7e9c10", description = "Unique id of the event; also the webhook-id of its deliveries.", readOnly = true) String id,
        @Schema(example = "task.progress-changed", enumeration = {"task.progress-changed", "report.submitted", "report.returned", "problem.raised",
                "problem.classified", "ticket.issued", "ticket-item.state-changed", "supervision-case.opened", "supervision-case.closed",
                "publication.published"}, description = "The event type.") String type,
        @Schema(example = "2026-11-03T10:15:30+08:00", description = "When the change was made (Asia/Shanghai).") OffsetDateTime timestamp,
        ResourceRef resource,
        @Schema(example = "4", description = "The event's number among this resource's events (1, 2, 3 … in the order the changes were made): "
                + "a receiver keeps the highest it has applied and ignores an older one.") long sequence,
        @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT, additionalProperties = Schema.True.class,
                example = "{\"id\": 1042, \"code\": \"N1\", \"status\": \"IN_PROGRESS\", \"progressPercent\": 61, \"version\": 5}",
                description = "The resource after the change, exactly as its GET returns it (TaskView, MonthlyReportView, ProblemView, "
                        + "AssignmentTicketView, TicketItemView, SupervisionCaseView or PublicationView according to resource.type).") Object data) {

    @Schema(name = "DomainEventResource", requiredProperties = {"type", "id"}, description = "The resource an event is about.")
    public record ResourceRef(
            @Schema(example = "task", enumeration = {"task", "monthly-report", "problem", "ticket", "ticket-item", "supervision-case", "publication"})
            String type,
            @Schema(example = "1042") String id) {
    }
}
