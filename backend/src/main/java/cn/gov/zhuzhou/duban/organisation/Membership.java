package cn.gov.zhuzhou.duban.organisation;

import cn.gov.zhuzhou.duban.common.audit.Audit;
import cn.gov.zhuzhou.duban.common.audit.AuditListener;
import cn.gov.zhuzhou.duban.common.audit.Audited;
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
import jakarta.persistence.Version;

/** A seat in a group, held by a position (never by a person). */
@Entity
@EntityListeners(AuditListener.class)
public class Membership implements Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "group_id")
    private Group group;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "position_id")
    private Position position;
    @Enumerated(EnumType.STRING)
    private MembershipRole role;
    private int sortOrder;
    @Version
    private long version;
    @Embedded
    private Audit audit = new Audit();

    protected Membership() {
    }

    public Membership(Group group, Position position, MembershipRole role, int sortOrder) {
        this.group = group;
        this.position = position;
        this.role = role;
        this.sortOrder = sortOrder;
    }

    public Long getId() {
        return id;
    }

    public Group getGroup() {
        return group;
    }

    public Position getPosition() {
        return position;
    }

    public MembershipRole getRole() {
        return role;
    }

    public int getSortOrder() {
        return sortOrder;
    }

    @Override
    public Audit getAudit() {
        return audit;
    }
}
