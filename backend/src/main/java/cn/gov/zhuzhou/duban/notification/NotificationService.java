package cn.gov.zhuzhou.duban.notification;

import cn.gov.zhuzhou.duban.common.audit.AuditView;
import cn.gov.zhuzhou.duban.common.paging.Page;
import cn.gov.zhuzhou.duban.common.paging.PageQuery;
import cn.gov.zhuzhou.duban.common.persistence.LockConflicts;
import cn.gov.zhuzhou.duban.common.security.Caller;
import cn.gov.zhuzhou.duban.dispatch.TicketItemService;
import cn.gov.zhuzhou.duban.unit.UnitService;
import jakarta.enterprise.context.ApplicationScoped;
import cn.gov.zhuzhou.duban.common.persistence.ReadOnlyTransaction;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Reminders to the lead unit of each open item: 7 days and 3 days before its deadline, and every day once it is
 * overdue; and the urgings (催办) of the supervision offices. Each kind is sent at most once per item and day, so the
 * nightly sweep can run again safely.
 */
@ApplicationScoped
public class NotificationService {


    private final NotificationRepository notifications;
    private final TicketItemService dispatch;
    private final UnitService units;
    private final Caller caller;
    private final Clock clock;

    NotificationService(NotificationRepository notifications, TicketItemService dispatch, UnitService units, Caller caller,
            Clock clock) {
        this.notifications = notifications;
        this.dispatch = dispatch;
        this.units = units;
        this.caller = caller;
        this.clock = clock;
    }

    @Schema(name = "NotificationView", requiredProperties = {"id", "unitId", "itemId", "kind", "onDate", "message", "createdAt"}, description = "A reminder or urging sent to a unit about one of its items.", readOnly = true)
    public record View(@Schema(example = "31") Long id, @Schema(example = "12") Long unitId, @Schema(example = "9") Long itemId,
            @Schema(example = "REMINDER_3_DAYS") Notification.Kind kind, @Schema(example = "2026-12-12") LocalDate onDate,
            @Schema(example = "交办事项 9 将于 2026-12-15 到期（还有 3 天）") String message,
            @Schema(example = "2026-12-12T00:35:00+08:00") OffsetDateTime createdAt) {
    }

    /**
     * Sends today's reminders; returns how many were sent. A sweep started by hand may run while the nightly job does:
     * the rows are inserted if absent (the unique key on item, kind and day decides), so each reminder is sent once,
     * counted by the sweep that inserted it, and neither sweep fails: MySQL 8 may still end one of two such inserts as
     * a deadlock, and a sweep is safe to run again, so it does (common/persistence/LockConflicts).
     */
    public int sendDueReminders() {
        return LockConflicts.retrying("reminder sweep", 3, this::sweep);
    }

    private int sweep() {
        LocalDate today = LocalDate.now(clock);
        List<Notification> due = new ArrayList<>();
        for (TicketItemService.OpenItem item : dispatch.openItems()) {
            long daysLeft = ChronoUnit.DAYS.between(today, item.deadline());
            Notification.Kind kind = daysLeft == 7 ? Notification.Kind.REMINDER_7_DAYS
                    : daysLeft == 3 ? Notification.Kind.REMINDER_3_DAYS
                    : daysLeft < 0 ? Notification.Kind.OVERDUE : null;
            if (kind == null) {
                continue;
            }
            String message = kind == Notification.Kind.OVERDUE
                    ? "交办事项 " + item.id() + " 已逾期 " + (-daysLeft) + " 天（期限 " + item.deadline() + "），请尽快办结"
                    : "交办事项 " + item.id() + " 将于 " + item.deadline() + " 到期（还有 " + daysLeft + " 天）";
            due.add(new Notification(item.leadUnitId(), item.id(), kind, today, message, now()));
        }
        return notifications.insertAbsent(due);
    }

    /** Records an urging as a notification to the item's lead unit (once a day: a second one the same day adds nothing). */
    @Transactional
    public void notifyUrging(long itemId, String message) {
        notifications.insertAbsent(List.of(new Notification(dispatch.leadUnitOf(itemId), itemId, Notification.Kind.URGING, LocalDate.now(clock),
                message, now())));
    }

    @ReadOnlyTransaction
    public Page<View> search(Long unitId, Notification.Kind kind, Long itemId, PageQuery page) {
        UnitService.UnitFilter filter = units.listFilter(unitId);
        if (filter.nothing()) {
            return Page.of(List.of(), page, 0);
        }
        Long effective = filter.unitId();
        List<View> items = notifications.search(effective, kind, itemId, page.offset(), page.size).stream()
                .map(n -> new View(n.getId(), n.getUnitId(), n.getItemId(), n.getKind(), n.getOnDate(), n.getMessage(),
                        n.getCreatedAt().atZone(AuditView.ZONE).toOffsetDateTime())).toList();
        return Page.of(items, page, notifications.count(effective, kind, itemId));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
