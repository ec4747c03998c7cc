package cn.gov.zhuzhou.duban.plan;

import cn.gov.zhuzhou.duban.common.audit.Audit;
import cn.gov.zhuzhou.duban.common.audit.AuditListener;
import cn.gov.zhuzhou.duban.common.audit.Audited;
import cn.gov.zhuzhou.duban.common.error.InvalidRequestException;
import cn.gov.zhuzhou.duban.unit.City;
import cn.gov.zhuzhou.duban.unit.Unit;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A task of the plan: one of the six standing tasks, a near-term item, or a sub-item with its own lead clause
 * (e.g. 5.1, 5.2). It names the city and unit(s) leading it for all three cities, and the Zhuzhou units
 * answerable for it.
 */
@Entity
@EntityListeners(AuditListener.class)
public class Task implements Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id")
    private Plan plan;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "area_id")
    private Area area;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private Task parent;
    private String code;
    @Enumerated(EnumType.STRING)
    private TaskKind kind;
    private String title;
    private String description;
    private String leadClause;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "cross_city_lead_city_id")
    private City crossCityLeadCity;
    @ManyToMany
    @JoinTable(name = "task_cross_city_lead_unit", joinColumns = @JoinColumn(name = "task_id"),
            inverseJoinColumns = @JoinColumn(name = "unit_id"))
    private Set<Unit> crossCityLeadUnits = new LinkedHashSet<>();
    @OneToMany(mappedBy = "task", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<TaskResponsibleUnit> responsibleUnits = new ArrayList<>();
    @OneToMany(mappedBy = "task", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("sortOrder")
    private List<Milestone> milestones = new ArrayList<>();
    private LocalDate deadline;
    /** The day the task starts; null: its plan's period start. */
    private LocalDate startDate;
    /** Its weight among its siblings in the parent's rolled-up progress; null: 1 (equal weights). */
    private Integer weight;
    @Enumerated(EnumType.STRING)
    private TaskStatus status = TaskStatus.NOT_STARTED;
    private int progressPercent;
    /** The day the current progress describes: a month report's last day of the month, a direct report's day. */
    private LocalDate progressAsOf;
    private int sortOrder;
    @Version
    private long version;
    @Embedded
    private Audit audit = new Audit();

    protected Task() {
    }

    public Task(Plan plan, String code, TaskKind kind) {
        this.plan = plan;
        this.code = code;
        this.kind = kind;
    }

    public void describe(String title, String description, String leadClause, Area area, LocalDate deadline, int sortOrder) {
        this.title = title;
        this.description = description;
        this.leadClause = leadClause;
        this.area = area;
        this.deadline = deadline;
        this.sortOrder = sortOrder;
    }

    /** When the task runs from and how much it weighs in its parent's progress. */
    public void schedule(LocalDate startDate, Integer weight) {
        this.startDate = startDate;
        this.weight = weight;
    }

    /** The day expected progress starts from: the task's own start date, else its plan's period start. */
    public LocalDate effectiveStart() {
        return startDate != null ? startDate : plan.getPeriodStart();
    }

    /** Status and percent move together: a completed task stands at 100 % (the one place this rule lives). */
    public void track(TaskStatus status, int progressPercent) {
        if (status == TaskStatus.COMPLETED && progressPercent != 100) {
            throw new InvalidRequestException("progressPercent", "已完成的任务进度须为 100");
        }
        this.status = status;
        this.progressPercent = progressPercent;
    }

    /**
     * A progress report describing the task as of {@code asOf} becomes its current progress unless the current one
     * describes a later day: a report for an older month never overwrites a newer one. Returns whether it moved.
     */
    boolean trackAsOf(LocalDate asOf, TaskStatus status, int progressPercent) {
        if (progressAsOf != null && asOf.isBefore(progressAsOf)) {
            return false;
        }
        track(status, progressPercent);
        progressAsOf = asOf;
        return true;
    }

    void moveUnder(Task newParent) {
        this.parent = newParent;
    }

    public void assignCrossCityLead(City city, Set<Unit> units) {
        this.crossCityLeadCity = city;
        this.crossCityLeadUnits.clear();
        this.crossCityLeadUnits.addAll(units);
    }

    /** Reconciles the responsible units in place, so a kept unit keeps its row (the pair is unique). */
    public void assignResponsibleUnits(Map<Unit, ResponsibilityRole> wanted) {
        responsibleUnits.removeIf(r -> wanted.keySet().stream().noneMatch(u -> u.getId().equals(r.getUnit().getId())));
        wanted.forEach((unit, role) -> {
            TaskResponsibleUnit kept = responsibleUnits.stream()
                    .filter(r -> r.getUnit().getId().equals(unit.getId())).findFirst().orElse(null);
            if (kept == null) {
                responsibleUnits.add(new TaskResponsibleUnit(this, unit, role));
            } else {
                kept.changeRole(role);
            }
        });
    }

    public void replaceMilestones(List<MilestoneSpec> specs) {
        milestones.clear();
        int order = 1;
        for (MilestoneSpec spec : specs) {
            milestones.add(new Milestone(this, spec.title(), spec.dueDate(), spec.completedOn(), spec.plannedPercent(), order++));
        }
    }

    /** The data of one milestone, as a request or the seed gives it. */
    public record MilestoneSpec(String title, LocalDate dueDate, LocalDate completedOn, Integer plannedPercent) {

        public MilestoneSpec(String title, LocalDate dueDate, LocalDate completedOn) {
            this(title, dueDate, completedOn, null);
        }
    }

    public Long getId() {
        return id;
    }

    public Plan getPlan() {
        return plan;
    }

    public Area getArea() {
        return area;
    }

    public Task getParent() {
        return parent;
    }

    public String getCode() {
        return code;
    }

    public TaskKind getKind() {
        return kind;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public String getLeadClause() {
        return leadClause;
    }

    public City getCrossCityLeadCity() {
        return crossCityLeadCity;
    }

    public Set<Unit> getCrossCityLeadUnits() {
        return crossCityLeadUnits;
    }

    public List<TaskResponsibleUnit> getResponsibleUnits() {
        return responsibleUnits;
    }

    public List<Milestone> getMilestones() {
        return milestones;
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public Integer getWeight() {
        return weight;
    }

    public TaskStatus getStatus() {
        return status;
    }

    public int getProgressPercent() {
        return progressPercent;
    }

    public int getSortOrder() {
        return sortOrder;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public Audit getAudit() {
        return audit;
    }
}
