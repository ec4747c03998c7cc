package cn.gov.zhuzhou.duban.notification;

import cn.gov.zhuzhou.duban.common.audit.AuditView;
import cn.gov.zhuzhou.duban.common.paging.Page;
import cn.gov.zhuzhou.duban.common.paging.PageQuery;
import cn.gov.zhuzhou.duban.common.security.Caller;
import cn.gov.zhuzhou.duban.dispatch.TicketItemService;
import cn.gov.zhuzhou.duban.unit.UnitService;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Reminders to the lead unit of each open item: 7 days and 3 days before its deadline, and every day once it is
 * overdue; and the urgings (催办) of the supervision offices. Each kind is sent at most once per item and day, so the
 * nightly sweep can run again safely.
 */
@ApplicationScoped
public class NotificationService {

    private static final int INSERT_BATCH = 500;
    private static final int MESSAGE_LENGTH = 1000;

    private final TicketItemService dispatch;
    private final UnitService units;
    private final Caller caller;
    private final Clock clock;

    NotificationService(TicketItemService dispatch, UnitService units, Caller caller, Clock clock) {
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
     * counted by the sweep that inserted it, and neither sweep fails.
     */
    @Transactional
    public int sendDueReminders() {
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
        return insertAbsent(due);
    }

    /** Records an urging as a notification to the item's lead unit (once a day: a second one the same day adds nothing). */
    @Transactional
    public void notifyUrging(long itemId, String message) {
        insertAbsent(List.of(new Notification(dispatch.leadUnitOf(itemId), itemId, Notification.Kind.URGING, LocalDate.now(clock),
                message, now())));
    }

    @Transactional
    public Page<View> search(Long unitId, Notification.Kind kind, Long itemId, PageQuery page) {
        UnitService.UnitFilter filter = units.listFilter(unitId);
        if (filter.nothing()) {
            return Page.of(List.of(), page, 0);
        }
        Long effective = filter.unitId();
        String where = "1 = 1" + (effective == null ? "" : " and n.unitId = :unit") + (kind == null ? "" : " and n.kind = :kind")
                + (itemId == null ? "" : " and n.itemId = :item");
        var em = Panache.getEntityManager();
        var query = em.createQuery("select n from Notification n where " + where + " order by n.onDate desc, n.id desc", Notification.class)
                .setFirstResult(page.offset()).setMaxResults(page.size);
        var count = em.createQuery("select count(n) from Notification n where " + where, Long.class);
        if (effective != null) {
            query.setParameter("unit", effective);
            count.setParameter("unit", effective);
        }
        if (kind != null) {
            query.setParameter("kind", kind);
            count.setParameter("kind", kind);
        }
        if (itemId != null) {
            query.setParameter("item", itemId);
            count.setParameter("item", itemId);
        }
        List<View> items = query.getResultList().stream().map(n -> new View(n.getId(), n.getUnitId(), n.getItemId(), n.getKind(),
                n.getOnDate(), n.getMessage(), n.getCreatedAt().atZone(AuditView.ZONE).toOffsetDateTime())).toList();
        return Page.of(items, page, count.getSingleResult());
    }

    /**
     * Inserts the notifications that are not there yet, a batch per statement ({@code insert ignore}: a row whose item,
     * kind and day exist is skipped, also when another transaction inserted it a moment ago); returns how many were
     * inserted. Rows go in key order, so two sweeps take their locks in the same order and cannot deadlock.
     */
    private int insertAbsent(List<Notification> notifications) {
        List<Notification> sorted = notifications.stream().sorted(Comparator.comparing(Notification::getItemId)
                .thenComparing(Notification::getKind).thenComparing(Notification::getOnDate)).toList();
        var em = Panache.getEntityManager();
        int inserted = 0;
        for (int from = 0; from < sorted.size(); from += INSERT_BATCH) {
            List<Notification> batch = sorted.subList(from, Math.min(sorted.size(), from + INSERT_BATCH));
            StringBuilder sql = new StringBuilder("insert ignore into notification (unit_id, item_id, kind, on_date, message, created_at) values ");
            for (int i = 0; i < batch.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?)");
            }
            var insert = em.createNativeQuery(sql.toString());
            int p = 1;
            for (Notification n : batch) {
                insert.setParameter(p++, n.getUnitId()).setParameter(p++, n.getItemId()).setParameter(p++, n.getKind().name())
                        .setParameter(p++, n.getOnDate()).setParameter(p++, fit(n.getMessage()))
                        .setParameter(p++, n.getCreatedAt());
            }
            inserted += insert.executeUpdate();
        }
        return inserted;
    }

    /** The message column holds 1000 characters; an urging's text may be longer (insert ignore would cut it silently). */
    private static String fit(String message) {
        return message.length() <= MESSAGE_LENGTH ? message : message.substring(0, MESSAGE_LENGTH - 1) + "…";
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
