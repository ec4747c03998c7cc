package cn.gov.zhuzhou.duban.notification;

import cn.gov.zhuzhou.duban.common.persistence.OutsideDataVersion;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;

/** A reminder or urging sent to a unit about one of its items; at most one of a kind per item and day. */
@Entity
@OutsideDataVersion
public class Notification {

    static final int MESSAGE_LENGTH = 1000;

    /** Why the unit is told. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "NotificationKind")
    public enum Kind {
        /** 7 days before the deadline */
        REMINDER_7_DAYS,
        /** 3 days before the deadline */
        REMINDER_3_DAYS,
        /** every day once overdue */
        OVERDUE,
        /** 催办 by a supervision office */
        URGING
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "unit_id")
    private Long unitId;
    @Column(name = "item_id")
    private Long itemId;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private LocalDate onDate;
    private String message;
    private Instant createdAt;

    protected Notification() {
    }

    Notification(Long unitId, Long itemId, Kind kind, LocalDate onDate, String message, Instant createdAt) {
        this.unitId = unitId;
        this.itemId = itemId;
        this.kind = kind;
        this.onDate = onDate;
        this.message = fit(message);
        this.createdAt = createdAt;
    }

    /** The message column holds 1000 characters; an urging's text may be longer (an {@code insert ignore} would cut it silently). */
    private static String fit(String message) {
        return message.length() <= MESSAGE_LENGTH ? message : message.substring(0, MESSAGE_LENGTH - 1) + "…";
    }

    public Long getId() {
        return id;
    }

    public Long getUnitId() {
        return unitId;
    }

    public Long getItemId() {
        return itemId;
    }

    public Kind getKind() {
        return kind;
    }

    public LocalDate getOnDate() {
        return onDate;
    }

    public String getMessage() {
        return message;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
