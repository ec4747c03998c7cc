package cn.gov.zhuzhou.duban.seed;

import cn.gov.zhuzhou.duban.organisation.GroupCreateRequest;
import cn.gov.zhuzhou.duban.organisation.GroupKind;
import cn.gov.zhuzhou.duban.organisation.GroupView;
import cn.gov.zhuzhou.duban.organisation.MembershipCreateRequest;
import cn.gov.zhuzhou.duban.organisation.MembershipRole;
import cn.gov.zhuzhou.duban.organisation.OrganisationService;
import cn.gov.zhuzhou.duban.organisation.PersonCreateRequest;
import cn.gov.zhuzhou.duban.organisation.PositionCreateRequest;
import cn.gov.zhuzhou.duban.plan.AreaCreateRequest;
import cn.gov.zhuzhou.duban.plan.PlanCreateRequest;
import cn.gov.zhuzhou.duban.plan.PlanService;
import cn.gov.zhuzhou.duban.plan.ResponsibilityRole;
import cn.gov.zhuzhou.duban.plan.TaskCreateRequest;
import cn.gov.zhuzhou.duban.plan.TaskKind;
import cn.gov.zhuzhou.duban.plan.TaskService;
import cn.gov.zhuzhou.duban.plan.TaskWriteFields.CrossCityLeadRequest;
import cn.gov.zhuzhou.duban.plan.TaskWriteFields.MilestoneRequest;
import cn.gov.zhuzhou.duban.plan.TaskWriteFields.ResponsibleUnitRequest;
import cn.gov.zhuzhou.duban.unit.UnitCreateRequest;
import cn.gov.zhuzhou.duban.unit.UnitKind;
import cn.gov.zhuzhou.duban.unit.UnitService;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Loads the Zhuzhou action plan (seed/zhuzhou-plan.json) into an empty database through the same services the
 * API uses, so the seed obeys every rule a user's edit does. A second start finds the plan and adds nothing.
 */
@ApplicationScoped
public class PlanImporter {

    static final String RESOURCE = "seed/zhuzhou-plan.json";
    /** The search-spam string that defaced the scraped source (DOMAIN.md); it must never reach the database. */
    static final String DEFACEMENT = "天下足球网";
    private static final Logger LOG = Logger.getLogger(PlanImporter.class);

    private final ObjectMapper mapper;
    private final UnitService units;
    private final OrganisationService organisation;
    private final PlanService plans;
    private final TaskService tasks;
    private final EntityManager db;

    PlanImporter(ObjectMapper mapper, UnitService units, OrganisationService organisation, PlanService plans, TaskService tasks,
            EntityManager db) {
        this.db = db;
        this.mapper = mapper;
        this.units = units;
        this.organisation = organisation;
        this.plans = plans;
        this.tasks = tasks;
    }

    /** Returns true when it loaded the plan, false when the plan was already there. */
    @Transactional
    public boolean importIfEmpty() {
        PlanSeed seed = read();
        // Instances starting together seed one after the other: the first locks the city rows (written by the
        // migrations) until it commits; the next one waits here, then finds the plan and adds nothing.
        db.createNativeQuery("select code from city for update").getResultList();
        if (plans.planExists(seed.plan().code())) {
            LOG.infof("plan %s already loaded; seed skipped", seed.plan().code());
            return false;
        }
        Map<String, Long> unitIds = new HashMap<>();
        for (PlanSeed.UnitSeed u : seed.units()) {
            unitIds.put(u.code(), units.createUnit(new UnitCreateRequest(u.code(), u.name(), u.shortName(),
                    UnitKind.valueOf(u.kind()), u.city())).getId());
        }
        Map<String, Long> personIds = new HashMap<>();
        for (PlanSeed.PersonSeed p : seed.people()) {
            personIds.put(p.code(), organisation.registerPerson(new PersonCreateRequest(p.name())).id());
        }
        PlanSeed.PlanDoc doc = seed.plan();
        Map<String, Long> positionIds = new HashMap<>();
        for (PlanSeed.PositionSeed p : seed.positions()) {
            positionIds.put(p.code(), organisation.createPosition(new PositionCreateRequest(p.title(), id(unitIds, p.unit()),
                    id(personIds, p.holder()), doc.documentDate())).id());
        }
        long planId = plans.createPlan(new PlanCreateRequest(doc.code(), doc.title(), doc.issuer(), doc.documentDate(),
                doc.periodStart(), doc.periodEnd(), doc.summary())).id();
        Map<String, Long> areaIds = new HashMap<>();
        for (PlanSeed.AreaSeed a : seed.areas()) {
            areaIds.put(a.code(), plans.defineArea(planId, new AreaCreateRequest(a.code(), a.name(), a.sortOrder())).id());
        }
        Map<String, Long> taskIds = new HashMap<>();
        for (PlanSeed.TaskSeed t : seed.tasks()) {
            importTask(planId, null, t, unitIds, areaIds, taskIds);
        }
        Map<String, Long> groupIds = new HashMap<>();
        for (PlanSeed.GroupSeed g : seed.groups()) {
            GroupView group = organisation.createGroup(new GroupCreateRequest(g.code(), g.name(), GroupKind.valueOf(g.kind()),
                    id(groupIds, g.parent()), id(unitIds, g.hostUnit()), id(taskIds, g.task()), g.duties()));
            groupIds.put(g.code(), group.id());
            for (PlanSeed.MemberSeed m : g.members()) {
                organisation.addMember(group.id(), new MembershipCreateRequest(id(positionIds, m.position()),
                        MembershipRole.valueOf(m.role())));
            }
        }
        LOG.infof("loaded plan %s: %d units, %d posts, %d tasks, %d groups", doc.code(), unitIds.size(), positionIds.size(),
                taskIds.size(), groupIds.size());
        return true;
    }

    private void importTask(long planId, Long parentId, PlanSeed.TaskSeed t, Map<String, Long> unitIds, Map<String, Long> areaIds,
            Map<String, Long> taskIds) {
        CrossCityLeadRequest lead = t.crossCityLead() == null ? null : new CrossCityLeadRequest(t.crossCityLead().city(),
                t.crossCityLead().units().stream().map(u -> id(unitIds, u)).toList());
        List<ResponsibleUnitRequest> responsible = t.responsibleUnits().stream()
                .map(r -> new ResponsibleUnitRequest(id(unitIds, r.unit()), ResponsibilityRole.valueOf(r.role()))).toList();
        List<MilestoneRequest> milestones = t.milestones() == null ? List.of()
                : t.milestones().stream().map(m -> new MilestoneRequest(m.title(), m.dueDate(), null, null)).toList();
        long id = tasks.createTask(new TaskCreateRequest(planId, parentId, t.code(), TaskKind.valueOf(t.kind()), t.title(),
                t.description(), t.leadClause(), id(areaIds, t.area()), lead, responsible, t.deadline(), milestones, null, null, null, null)).id();
        taskIds.put(t.code(), id);
        for (PlanSeed.TaskSeed sub : t.subTasks()) {
            importTask(planId, id, sub, unitIds, areaIds, taskIds);
        }
    }

    private static Long id(Map<String, Long> ids, String code) {
        if (code == null) {
            return null;
        }
        Long id = ids.get(code);
        if (id == null) {
            throw new IllegalStateException("seed refers to unknown code " + code);
        }
        return id;
    }

    /** Reads the seed and refuses it whole if any text still carries the defacement. */
    PlanSeed read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("seed resource " + RESOURCE + " is missing");
            }
            var tree = mapper.readTree(in);
            requireClean(tree);
            return mapper.copy().configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .treeToValue(tree, PlanSeed.class);
        } catch (IOException e) {
            throw new IllegalStateException("seed " + RESOURCE + " is unreadable", e);
        }
    }

    static void requireClean(com.fasterxml.jackson.databind.JsonNode node) {
        if (node instanceof TextNode text && (text.textValue().contains(DEFACEMENT) || text.textValue().indexOf('\u00A0') >= 0)) {
            throw new IllegalStateException("seed text still carries the defacement or a non-breaking space: " + text.textValue());
        }
        node.forEach(PlanImporter::requireClean);
    }
}
