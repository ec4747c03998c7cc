package cn.gov.zhuzhou.duban.plan;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class PlanRepository implements PanacheRepository<Plan> {

    public Optional<Plan> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public List<Area> areasOf(long planId) {
        return getEntityManager().createQuery("select a from Area a where a.plan.id = :id order by a.sortOrder, a.id", Area.class)
                .setParameter("id", planId).getResultList();
    }

    public Optional<Area> findArea(long areaId) {
        return Optional.ofNullable(getEntityManager().find(Area.class, areaId));
    }

    public void persistArea(Area area) {
        getEntityManager().persist(area);
    }
}
