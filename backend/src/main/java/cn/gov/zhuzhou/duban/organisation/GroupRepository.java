package cn.gov.zhuzhou.duban.organisation;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class GroupRepository implements PanacheRepository<Group> {

    private static final String FETCH = "select g from WorkGroup g left join fetch g.parent "
            + "left join fetch g.hostUnit hu left join fetch hu.city ";

    public Optional<Group> findFull(long id) {
        return getEntityManager().createQuery(FETCH + "where g.id = :id", Group.class)
                .setParameter("id", id).getResultStream().findFirst();
    }

    /** The first post holding {@code role} in a group of {@code kind}, by seat order. */
    public Optional<Long> firstPostIn(GroupKind kind, MembershipRole role) {
        return getEntityManager().createQuery("select m.position.id from Membership m where m.group.kind = :kind and m.role = :role "
                        + "order by m.sortOrder, m.id", Long.class)
                .setParameter("kind", kind).setParameter("role", role).setMaxResults(1).getResultStream().findFirst();
    }

    public Optional<Group> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public List<Group> search(GroupKind kind, int offset, int limit) {
        var query = getEntityManager().createQuery(FETCH + (kind == null ? "" : "where g.kind = :kind ") + "order by g.id",
                Group.class).setFirstResult(offset).setMaxResults(limit);
        if (kind != null) {
            query.setParameter("kind", kind);
        }
        return query.getResultList();
    }

    public long countMatching(GroupKind kind) {
        return kind == null ? count() : count("kind", kind);
    }

    /** The roster of a group with each seat's post, unit and current holder: one statement. */
    public List<Membership> rosterOf(long groupId) {
        return getEntityManager().createQuery("select m from Membership m join fetch m.position p "
                        + "left join fetch p.unit u left join fetch u.city left join fetch p.holder "
                        + "where m.group.id = :id order by m.sortOrder, m.id", Membership.class)
                .setParameter("id", groupId).getResultList();
    }

    public Optional<Membership> findMembership(long groupId, long membershipId) {
        return getEntityManager().createQuery("select m from Membership m where m.id = :mid and m.group.id = :gid", Membership.class)
                .setParameter("mid", membershipId).setParameter("gid", groupId).getResultStream().findFirst();
    }

    public boolean hasMembership(long groupId, long positionId, MembershipRole role) {
        return getEntityManager().createQuery("select count(m) from Membership m where m.group.id = :g and m.position.id = :p "
                        + "and m.role = :r", Long.class)
                .setParameter("g", groupId).setParameter("p", positionId).setParameter("r", role).getSingleResult() > 0;
    }

    public int nextSortOrder(long groupId) {
        Integer max = getEntityManager().createQuery("select max(m.sortOrder) from Membership m where m.group.id = :g", Integer.class)
                .setParameter("g", groupId).getSingleResult();
        return max == null ? 1 : max + 1;
    }

    public void persistMembership(Membership m) {
        getEntityManager().persist(m);
    }

    public void removeMembership(Membership m) {
        getEntityManager().remove(m);
    }
}
