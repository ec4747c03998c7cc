package cn.gov.zhuzhou.duban.publication;

import cn.gov.zhuzhou.duban.common.document.DocumentSpec;
import java.util.Set;

/**
 * The figures of one or more kinds of publication: how they are generated, what a unit and a partner city may read
 * of them, and how they read as a document. Implemented as CDI beans by the features that own the figures
 * ({@code bulletin/} for bulletins, briefs and summaries, {@code assessment/} for the annual ranking); the publishing
 * lifecycle ({@link PublicationService}) is the same for every kind and never looks inside the figures.
 *
 * @param <C> the typed record the figures are, serialized to JSON and stored as it was generated
 */
public interface PublicationContent<C> {

    /** The kinds this bean generates (each kind has exactly one bean). */
    Set<PublicationKind> kinds();

    /** The record the stored JSON reads back as. */
    Class<C> type();

    /** The figures of {@code plan} over {@code period}, as they stood at the end of its last day. */
    C generate(PublicationKind kind, long planId, PublicationPeriod period);

    /** What a unit's liaison reads: its own lines (per-unit rows of its unit, the tasks it answers for). */
    C forUnit(C content, long unitId);

    /** What a partner city reads: the part about the tasks shared by the three cities. */
    C forPartner(C content);

    /** The document a reader downloads, from the header (kind, period, prose) and the figures as stored. */
    DocumentSpec document(PublicationHeader header, C content);

    /** What a document needs besides the figures: the publication's own fields. */
    record PublicationHeader(long id, PublicationKind kind, String period, java.time.LocalDate asOf, PublicationStatus status,
            String opening, String highlights, String nextSteps, java.time.Instant publishedAt, Long corrects, String correctionReason) {

        static PublicationHeader of(Publication p) {
            return new PublicationHeader(p.getId(), p.getKind(), p.getPeriod(), p.getAsOf(), p.getStatus(), p.getOpening(),
                    p.getHighlights(), p.getNextSteps(), p.getPublishedAt(), p.getCorrects(), p.getCorrectionReason());
        }
    }
}
