package cn.gov.zhuzhou.duban.publication;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class PublicationRepository implements PanacheRepository<Publication> {

    /** The draft or the published row of a kind, plan and period (the live ones), if any. */
    public List<Publication> live(String key) {
        return list("draftKey = ?1 or publishedKey = ?1", key);
    }

    public Optional<Publication> draftFor(String key) {
        return find("draftKey", key).firstResultOptional();
    }

    /**
     * Publications newest first, each filter optional ({@code statuses} limits what a reader may see), as list rows:
     * only the summary's columns, never the figures ({@code content} runs to megabytes for an annual ranking) nor the
     * prose; and no managed entities.
     */
    public List<PublicationViews.Summary> summaries(Filter f, int offset, int limit) {
        var q = getEntityManager().createQuery("select p.id, p.kind, p.planId, p.period, p.periodStart, p.asOf, p.status, p.corrects, "
                + "p.publishedAt, p.version, p.audit from Publication p where " + f.where() + " order by p.periodStart desc, p.id desc",
                Object[].class).setFirstResult(offset).setMaxResults(limit);
        f.params().map().forEach(q::setParameter);
        return q.getResultList().stream().map(PublicationViews.Summary::of).toList();
    }

    public long countMatching(Filter f) {
        return count(f.where(), f.params());
    }

    /** What a list asks for. */
    public record Filter(PublicationKind kind, String period, Long planId, List<PublicationStatus> statuses) {

        String where() {
            List<String> w = new ArrayList<>(List.of("status in :statuses"));
            if (kind != null) {
                w.add("kind = :kind");
            }
            if (period != null) {
                w.add("period = :period");
            }
            if (planId != null) {
                w.add("planId = :planId");
            }
            return String.join(" and ", w);
        }

        Parameters params() {
            Parameters p = Parameters.with("statuses", statuses);
            if (kind != null) {
                p.and("kind", kind);
            }
            if (period != null) {
                p.and("period", period);
            }
            if (planId != null) {
                p.and("planId", planId);
            }
            return p;
        }
    }

    public void record(PublicationEvent event) {
        getEntityManager().persist(event);
    }

    /** A publication's steps, oldest first. */
    public List<PublicationEvent> eventsOf(long id) {
        return getEntityManager().createQuery("select e from PublicationEvent e where e.publication.id = :id order by e.at, e.id",
                PublicationEvent.class).setParameter("id", id).getResultList();
    }

    /** The correction that points to this one, if any (the newest). */
    public Optional<Long> correctedBy(long id) {
        return getEntityManager().createQuery("select p.id from Publication p where p.corrects = :id order by p.id desc", Long.class)
                .setParameter("id", id).setMaxResults(1).getResultStream().findFirst();
    }
}
