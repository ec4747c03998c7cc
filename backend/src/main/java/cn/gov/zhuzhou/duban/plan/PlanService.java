package cn.gov.zhuzhou.duban.plan;

import cn.gov.zhuzhou.duban.common.error.ConflictException;
import cn.gov.zhuzhou.duban.common.error.InvalidRequestException;
import cn.gov.zhuzhou.duban.common.error.NotFoundException;
import cn.gov.zhuzhou.duban.common.error.StaleVersionException;
import cn.gov.zhuzhou.duban.common.paging.Page;
import cn.gov.zhuzhou.duban.common.paging.PageQuery;
import cn.gov.zhuzhou.duban.common.persistence.ReadOnlyTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;

/** Plan documents and their areas (专项). */
@ApplicationScoped
public class PlanService {

    private final PlanRepository plans;

    PlanService(PlanRepository plans) {
        this.plans = plans;
    }

    @ReadOnlyTransaction
    public Page<PlanView> listPlans(PageQuery page) {
        List<PlanView> items = plans.findAll(Sort.by("documentDate").descending().and("id"))
                .range(page.offset(), page.lastIndex()).list().stream().map(PlanView::of).toList();
        return Page.of(items, page, plans.count());
    }

    @ReadOnlyTransaction
    public PlanView getPlan(long id) {
        return PlanView.of(requirePlan(id));
    }

    @ReadOnlyTransaction
    public boolean planExists(String code) {
        return plans.findByCode(code).isPresent();
    }

    @Transactional
    public PlanView createPlan(PlanCreateRequest r) {
        if (plans.findByCode(r.code()).isPresent()) {
            throw new ConflictException("方案代码 " + r.code() + " 已存在");
        }
        checkPeriod(r.periodStart(), r.periodEnd());
        Plan plan = new Plan(r.code());
        plan.describe(r.title().strip(), r.issuer(), r.documentDate(), r.periodStart(), r.periodEnd(), r.summary());
        plans.persist(plan);
        return PlanView.of(plan);
    }

    @Transactional
    public PlanView updatePlan(long id, PlanUpdateRequest r) {
        Plan plan = requirePlan(id);
        StaleVersionException.requireCurrent("方案", id, r.version(), plan.getVersion());
        checkPeriod(r.periodStart(), r.periodEnd());
        plan.describe(r.title().strip(), r.issuer(), r.documentDate(), r.periodStart(), r.periodEnd(), r.summary());
        plans.flush();
        return PlanView.of(plan);
    }

    @ReadOnlyTransaction
    public List<AreaView> listAreas(long planId) {
        requirePlan(planId);
        return plans.areasOf(planId).stream().map(AreaView::of).toList();
    }

    @Transactional
    public AreaView defineArea(long planId, AreaCreateRequest r) {
        Plan plan = requirePlan(planId);
        if (plans.areasOf(planId).stream().anyMatch(a -> a.getCode().equals(r.code()))) {
            throw new ConflictException("专项代码 " + r.code() + " 已存在");
        }
        Area area = new Area(plan, r.code(), r.name().strip(), r.sortOrder() == null ? plans.areasOf(planId).size() + 1 : r.sortOrder());
        plans.persistArea(area);
        return AreaView.of(area);
    }

    Plan requirePlan(long id) {
        return plans.findByIdOptional(id).orElseThrow(() -> new NotFoundException("方案", id));
    }

    Area requireArea(long planId, long areaId) {
        return plans.findArea(areaId).filter(a -> a.getPlan().getId() == planId)
                .orElseThrow(() -> new InvalidRequestException("areaId", "专项 " + areaId + " 不属于该方案"));
    }

    List<Area> areasOf(long planId) {
        return plans.areasOf(planId);
    }

    private static void checkPeriod(LocalDate start, LocalDate end) {
        if (start != null && end != null && end.isBefore(start)) {
            throw new InvalidRequestException("periodEnd", "结束日期不能早于开始日期");
        }
    }
}
