package cn.gov.zhuzhou.duban.unit;

import cn.gov.zhuzhou.duban.common.error.ConflictException;
import cn.gov.zhuzhou.duban.common.error.InvalidRequestException;
import cn.gov.zhuzhou.duban.common.error.NotFoundException;
import cn.gov.zhuzhou.duban.common.error.StaleVersionException;
import cn.gov.zhuzhou.duban.common.paging.Page;
import cn.gov.zhuzhou.duban.common.paging.PageQuery;
import cn.gov.zhuzhou.duban.common.persistence.ReadOnlyTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;

/** Cities and units: the register of who can answer for a task. */
@ApplicationScoped
public class UnitService {

    private final UnitRepository units;
    private final CityRepository cities;
    private final cn.gov.zhuzhou.duban.common.security.Caller caller;

    UnitService(UnitRepository units, CityRepository cities, cn.gov.zhuzhou.duban.common.security.Caller caller) {
        this.units = units;
        this.cities = cities;
        this.caller = caller;
    }

    /**
     * The unit whose workflow the caller is limited to: null for those who read every unit's, the liaison's own unit
     * otherwise (403 when its token names none). The one place the services scope their lists and reads.
     */
    @Transactional
    public Long workflowScope() {
        return caller.readsEveryUnit() ? null : callersUnit().getId();
    }

    /**
     * The unit filter of a list of workflow rows (items, notifications, problems, reports) for this caller: a liaison
     * sees only its own unit's, whatever it asked ({@code nothing} when it asked for another unit: an empty page);
     * everyone else gets the unit it asked for, or every unit (null).
     */
    public record UnitFilter(Long unitId, boolean nothing) {
    }

    @ReadOnlyTransaction
    public UnitFilter listFilter(Long requestedUnitId) {
        Long scope = workflowScope();
        if (scope == null) {
            return new UnitFilter(requestedUnitId, false);
        }
        return new UnitFilter(scope, requestedUnitId != null && !scope.equals(requestedUnitId));
    }

    /**
     * One workflow row, by the units it concerns: a liaison whose unit is not among them is told it does not exist
     * (404, as for a row that is not there), so a unit cannot probe another's ids.
     */
    @Transactional
    public void requireVisible(String what, Object id, java.util.Collection<Long> unitsOfRow) {
        Long scope = workflowScope();
        if (scope != null && !unitsOfRow.contains(scope)) {
            throw new cn.gov.zhuzhou.duban.common.error.NotFoundException(what, id);
        }
    }

    /** The unit a liaison's token speaks for (claim unit_id); 403 when the token names none or an unknown one. */
    @Transactional
    public Unit callersUnit() {
        String code = caller.unitCode().orElseThrow(() -> new cn.gov.zhuzhou.duban.common.error.ForbiddenException("令牌未标明所属单位"));
        return units.findByCode(code)
                .orElseThrow(() -> new cn.gov.zhuzhou.duban.common.error.ForbiddenException("令牌中的单位 " + code + " 不存在"));
    }

    @ReadOnlyTransaction
    public List<City> listCities() {
        return cities.listAll(io.quarkus.panache.common.Sort.by("id"));
    }

    @Transactional
    public City requireCity(String code) {
        return cities.findByCode(code).orElseThrow(() -> new InvalidRequestException("cityCode", "城市 " + code + " 不存在"));
    }

    @ReadOnlyTransaction
    public Page<Unit> searchUnits(String cityCode, UnitKind kind, String text, PageQuery page) {
        List<Unit> items = units.search(cityCode, kind, text, page.offset(), page.size);
        return Page.of(items, page, units.countMatching(cityCode, kind, text));
    }

    @ReadOnlyTransaction
    public Unit getUnit(long id) {
        return units.findWithCity(id).orElseThrow(() -> new NotFoundException("单位", id));
    }

    @ReadOnlyTransaction
    public java.util.Optional<Unit> findByCode(String code) {
        return units.findByCode(code);
    }

    /** Units by id, with their city, for other features; unknown ids are reported against {@code field}. */
    @Transactional
    public List<Unit> requireUnits(Collection<Long> ids, String field) {
        List<Unit> found = units.findAllWithCity(ids);
        if (found.size() != ids.stream().distinct().count()) {
            List<Long> missing = ids.stream().filter(id -> found.stream().noneMatch(u -> u.getId().equals(id))).toList();
            throw new InvalidRequestException(field, "单位 " + missing + " 不存在");
        }
        return found;
    }

    /**
     * Every unit as a reference (a projection: no managed entities), by code: a few hundred rows at province scale, in
     * one statement whose SQL Hibernate keeps (for a large share of all units this is cheaper than asking for them by id:
     * a list parameter of several hundred ids is translated again on every call).
     */
    @Transactional
    public List<UnitRef> allUnitRefs() {
        return units.getEntityManager().createQuery("select new cn.gov.zhuzhou.duban.unit.UnitRef(u.id, u.code, u.name, c.code) "
                + "from Unit u join u.city c order by u.code", UnitRef.class).getResultList();
    }

    @Transactional
    public Unit createUnit(UnitCreateRequest request) {
        City city = requireCity(request.cityCode());
        if (units.findByCode(request.code()).isPresent()) {
            throw new ConflictException("单位代码 " + request.code() + " 已存在");
        }
        requireUniqueName(request.name(), null);
        Unit unit = new Unit(request.code(), request.name().strip(), blankToNull(request.shortName()), request.kind(), city);
        units.persist(unit);
        return unit;
    }

    @Transactional
    public Unit updateUnit(long id, UnitUpdateRequest request) {
        Unit unit = getUnit(id);
        StaleVersionException.requireCurrent("单位", id, request.version(), unit.getVersion());
        requireUniqueName(request.name(), id);
        unit.rename(request.name().strip(), blankToNull(request.shortName()), request.kind());
        units.flush();
        return unit;
    }

    /** Deletes a unit that nothing refers to; the database's foreign keys are the judge of "refers". */
    @Transactional
    public void deleteUnit(long id) {
        Unit unit = getUnit(id);
        try {
            units.delete(unit);
            units.flush();
        } catch (org.hibernate.exception.ConstraintViolationException e) {
            throw ConflictException.inUse("单位 " + unit.getName() + " 仍被任务、职务或工作组引用，不能删除");
        }
    }

    private void requireUniqueName(String name, Long exceptId) {
        if (units.existsByName(name.strip(), exceptId)) {
            throw new ConflictException("单位名称 " + name + " 已存在");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
