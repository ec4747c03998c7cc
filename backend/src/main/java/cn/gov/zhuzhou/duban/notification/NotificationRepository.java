package cn.gov.zhuzhou.duban.notification;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.util.Comparator;
import java.util.List;

/** Notifications as stored: the unit's list and the insert-if-absent that lets two sweeps run at once. */
@ApplicationScoped
public class NotificationRepository implements PanacheRepository<Notification> {

    private static final int INSERT_BATCH = 500;

    /** A page of notifications, newest first, filtered by unit, kind and item (each optional). */
    List<Notification> search(Long unitId, Notification.Kind kind, Long itemId, int offset, int limit) {
        return filtered("select n from Notification n where ", " order by n.onDate desc, n.id desc", Notification.class,
                unitId, kind, itemId).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    long count(Long unitId, Notification.Kind kind, Long itemId) {
        return filtered("select count(n) from Notification n where ", "", Long.class, unitId, kind, itemId).getSingleResult();
    }

    private <T> TypedQuery<T> filtered(String select, String order, Class<T> type, Long unitId, Notification.Kind kind, Long itemId) {
        String where = "1 = 1" + (unitId == null ? "" : " and n.unitId = :unit") + (kind == null ? "" : " and n.kind = :kind")
                + (itemId == null ? "" : " and n.itemId = :item");
        TypedQuery<T> query = getEntityManager().createQuery(select + where + order, type);
        if (unitId != null) {
            query.setParameter("unit", unitId);
        }
        if (kind != null) {
            query.setParameter("kind", kind);
        }
        if (itemId != null) {
            query.setParameter("item", itemId);
        }
        return query;
    }

    /**
     * Inserts the notifications that are not there yet, a batch per statement ({@code insert ignore}: a row whose item,
     * kind and day exist is skipped, also when another transaction inserted it a moment ago); returns how many were
     * inserted. Rows go in key order, so two sweeps take their locks in the same order and cannot deadlock.
     */
    int insertAbsent(List<Notification> notifications) {
        List<Notification> sorted = notifications.stream().sorted(Comparator.comparing(Notification::getItemId)
                .thenComparing(Notification::getKind).thenComparing(Notification::getOnDate)).toList();
        int inserted = 0;
        for (int from = 0; from < sorted.size(); from += INSERT_BATCH) {
            List<Notification> batch = sorted.subList(from, Math.min(sorted.size(), from + INSERT_BATCH));
            StringBuilder sql = new StringBuilder("insert ignore into notification (unit_id, item_id, kind, on_date, message, created_at) values ");
            for (int i = 0; i < batch.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?)");
            }
            var insert = getEntityManager().createNativeQuery(sql.toString());
            int p = 1;
            for (Notification n : batch) {
                insert.setParameter(p++, n.getUnitId()).setParameter(p++, n.getItemId()).setParameter(p++, n.getKind().name())
                        .setParameter(p++, n.getOnDate()).setParameter(p++, n.getMessage()).setParameter(p++, n.getCreatedAt());
            }
            inserted += insert.executeUpdate();
        }
        return inserted;
    }
}
