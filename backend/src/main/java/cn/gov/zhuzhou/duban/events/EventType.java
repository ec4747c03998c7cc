package cn.gov.zhuzhou.duban.events;

import java.util.Arrays;
import java.util.Optional;

/** The domain events a partner or a unit can follow, with their wire names and the resource each is about. */
public enum EventType {
    TASK_PROGRESS_CHANGED("task.progress-changed", "task"),
    REPORT_SUBMITTED("report.submitted", "monthly-report"),
    REPORT_RETURNED("report.returned", "monthly-report"),
    PROBLEM_RAISED("problem.raised", "problem"),
    PROBLEM_CLASSIFIED("problem.classified", "problem"),
    TICKET_ISSUED("ticket.issued", "ticket"),
    TICKET_ITEM_STATE_CHANGED("ticket-item.state-changed", "ticket-item"),
    SUPERVISION_CASE_OPENED("supervision-case.opened", "supervision-case"),
    SUPERVISION_CASE_CLOSED("supervision-case.closed", "supervision-case"),
    PUBLICATION_PUBLISHED("publication.published", "publication");

    private final String wireName;
    private final String resourceType;

    EventType(String wireName, String resourceType) {
        this.wireName = wireName;
        this.resourceType = resourceType;
    }

    public String wireName() {
        return wireName;
    }

    public String resourceType() {
        return resourceType;
    }

    public static Optional<EventType> ofWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
