package cn.gov.zhuzhou.duban.organisation;

import cn.gov.zhuzhou.duban.common.persistence.IdLists;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class PositionRepository implements PanacheRepository<Position> {

    private static final String FETCH = "select p from Position p left join fetch p.unit u left join fetch u.city "
            + "left join fetch p.holder h ";

    public Optional<Position> findFull(long id) {
        return getEntityManager().createQuery(FETCH + "where p.id = :id", Position.class)
                .setParameter("id", id).getResultStream().findFirst();
    }

    public List<Position> findAllFull(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return IdLists.query(getEntityManager(), FETCH + "where p.id in :ids", Position.class, ids).getResultList();
    }

    public Optional<Position> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public List<Position> search(Long unitId, String text, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = where(unitId, text, params);
        var query = getEntityManager().createQuery(FETCH + "where " + where + " order by p.code", Position.class)
                .setFirstResult(offset).setMaxResults(limit);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    public long countMatching(Long unitId, String text) {
        Map<String, Object> params = new HashMap<>();
        return count("from Position p left join p.holder h where " + where(unitId, text, params), params);
    }

    /** Every tenure of these posts, newest first, persons fetched: one statement for a whole page. */
    public List<PositionTenure> tenuresOf(Collection<Long> positionIds) {
        if (positionIds.isEmpty()) {
            return List.of();
        }
        return IdLists.query(getEntityManager(), "select t from PositionTenure t join fetch t.person "
                        + "where t.position.id in :ids order by t.startedOn desc, t.id desc", PositionTenure.class, positionIds)
                .getResultList();
    }

    public Optional<PositionTenure> openTenure(long positionId) {
        return getEntityManager().createQuery("select t from PositionTenure t where t.position.id = :id and t.endedOn is null",
                PositionTenure.class).setParameter("id", positionId).getResultStream().findFirst();
    }

    public long nextNumber() {
        return count() + 1;
    }

    private static String where(Long unitId, String text, Map<String, Object> params) {
        StringBuilder where = new StringBuilder("1 = 1");
        if (unitId != null) {
            where.append(" and p.unit.id = :unitId");
            params.put("unitId", unitId);
        }
        if (text != null && !text.isBlank()) {
            where.append(" and (p.title like :text or h.name like :text)");
            params.put("text", PersonRepository.like(text));
        }
        return where.toString();
    }
}
