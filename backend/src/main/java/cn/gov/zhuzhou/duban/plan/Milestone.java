package cn.gov.zhuzhou.duban.plan;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A dated step of a task. */
@Entity
@Table(name = "task_milestone")
public class Milestone {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id")
    private Task task;
    private String title;
    private LocalDate dueDate;
    private LocalDate completedOn;
    /** The progress the task should have reached by the due date (计划进度); null: the milestone does not shape it. */
    private Integer plannedPercent;
    private int sortOrder;

    protected Milestone() {
    }

    Milestone(Task task, String title, LocalDate dueDate, LocalDate completedOn, Integer plannedPercent, int sortOrder) {
        this.plannedPercent = plannedPercent;
        this.task = task;
        this.title = title;
        this.dueDate = dueDate;
        this.completedOn = completedOn;
        this.sortOrder = sortOrder;
    }

    public Long getId() {
        return id;
    }

    public Task getTask() {
        return task;
    }

    public String getTitle() {
        return title;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public LocalDate getCompletedOn() {
        return completedOn;
    }

    public Integer getPlannedPercent() {
        return plannedPercent;
    }

    public int getSortOrder() {
        return sortOrder;
    }
}
