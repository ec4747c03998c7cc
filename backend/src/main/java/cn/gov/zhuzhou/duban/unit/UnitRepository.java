package cn.gov.zhuzhou.duban.unit;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class UnitRepository implements PanacheRepository<Unit> {

    public Optional<Unit> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public Optional<Unit> findWithCity(long id) {
        return find("from Unit u join fetch u.city where u.id = ?1", id).firstResultOptional();
    }

    public boolean existsByName(String name, Long exceptId) {
        return count("name = ?1 and id <> ?2", name, exceptId == null ? -1L : exceptId) > 0;
    }

    public List<Unit> search(String cityCode, UnitKind kind, String text, int offset, int limit) {
        Filter f = filter(cityCode, kind, text);
        return getEntityManager()
                .createQuery("select u from Unit u join fetch u.city c where " + f.where + " order by u.code", Unit.class)
                .setFirstResult(offset).setMaxResults(limit)
                .unwrap(org.hibernate.query.Query.class)
                .setProperties(f.params)
                .getResultList();
    }

    public long countMatching(String cityCode, UnitKind kind, String text) {
        Filter f = filter(cityCode, kind, text);
        return count("from Unit u join u.city c where " + f.where, f.params);
    }

    public List<Unit> findAllWithCity(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return find("from Unit u join fetch u.city where u.id in ?1", ids).list();
    }

    private record Filter(String where, Map<String, Object> params) {
    }

    private static Filter filter(String cityCode, UnitKind kind, String text) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (cityCode != null) {
            where.append(" and c.code = :city");
            params.put("city", cityCode);
        }
        if (kind != null) {
            where.append(" and u.kind = :kind");
            params.put("kind", kind);
        }
        if (text != null && !text.isBlank()) {
            where.append(" and (u.name like :text or u.shortName like :text or u.code like :text)");
            params.put("text", "%" + text.strip() + "%");
        }
        return new Filter(where.toString(), params);
    }
}
