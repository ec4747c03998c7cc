package cn.gov.zhuzhou.duban.plan;

import cn.gov.zhuzhou.duban.unit.Unit;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A Zhuzhou unit answerable for a task, with its role. */
@Entity
public class TaskResponsibleUnit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id")
    private Task task;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_id")
    private Unit unit;
    @Enumerated(EnumType.STRING)
    private ResponsibilityRole role;

    protected TaskResponsibleUnit() {
    }

    TaskResponsibleUnit(Task task, Unit unit, ResponsibilityRole role) {
        this.task = task;
        this.unit = unit;
        this.role = role;
    }

    void changeRole(ResponsibilityRole role) {
        this.role = role;
    }

    public Long getId() {
        return id;
    }

    public Task getTask() {
        return task;
    }

    public Unit getUnit() {
        return unit;
    }

    public ResponsibilityRole getRole() {
        return role;
    }
}
