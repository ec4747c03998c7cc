package cn.gov.zhuzhou.duban.organisation;

import cn.gov.zhuzhou.duban.common.audit.Audit;
import cn.gov.zhuzhou.duban.common.audit.AuditListener;
import cn.gov.zhuzhou.duban.common.audit.Audited;
import cn.gov.zhuzhou.duban.unit.Unit;
import jakarta.persistence.Column;
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
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A group of annex 1: the leading group (领导小组), its office, or a working group tied to one task. */
@Entity(name = "WorkGroup")
@Table(name = "work_group")
@EntityListeners(AuditListener.class)
public class Group implements Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String name;
    @Enumerated(EnumType.STRING)
    private GroupKind kind;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private Group parent;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "host_unit_id")
    private Unit hostUnit;
    /** The task a working group drives; plain id, since tasks live in the plan feature. */
    @Column(name = "task_id")
    private Long taskId;
    private String duties;
    @Version
    private long version;
    @Embedded
    private Audit audit = new Audit();

    protected Group() {
    }

    public Group(String code, GroupKind kind) {
        this.code = code;
        this.kind = kind;
    }

    public void describe(String name, Group parent, Unit hostUnit, Long taskId, String duties) {
        this.name = name;
        this.parent = parent;
        this.hostUnit = hostUnit;
        this.taskId = taskId;
        this.duties = duties;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public GroupKind getKind() {
        return kind;
    }

    public Group getParent() {
        return parent;
    }

    public Unit getHostUnit() {
        return hostUnit;
    }

    public Long getTaskId() {
        return taskId;
    }

    public String getDuties() {
        return duties;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public Audit getAudit() {
        return audit;
    }
}
