package cn.gov.zhuzhou.duban.bulletin;

import cn.gov.zhuzhou.duban.bulletin.BulletinFigures.MonthlyBrief;
import cn.gov.zhuzhou.duban.common.document.DocumentSpec;
import cn.gov.zhuzhou.duban.publication.PublicationContent;
import cn.gov.zhuzhou.duban.publication.PublicationKind;
import cn.gov.zhuzhou.duban.publication.PublicationPeriod;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/**
 * The monthly brief (简报) to the leading group (annex 2, rule 5): the bulletin's month in a shorter form — counts,
 * lights by area, the units named, and what needs a leader: key items overdue at the month's end.
 */
@ApplicationScoped
public class MonthlyBriefContent implements PublicationContent<MonthlyBrief> {

    private final BulletinSource source;

    MonthlyBriefContent(BulletinSource source) {
        this.source = source;
    }

    @Override
    public Set<PublicationKind> kinds() {
        return Set.of(PublicationKind.MONTHLY_BRIEF);
    }

    @Override
    public Class<MonthlyBrief> type() {
        return MonthlyBrief.class;
    }

    @Override
    public MonthlyBrief generate(PublicationKind kind, long planId, PublicationPeriod period) {
        BulletinSource.Figures f = source.figures(planId, period);
        var shared = BulletinMath.sharedTasks(f.taskLines());
        return new MonthlyBrief(kind, planId, f.plan().title(), period.text(), period.start(), period.end(), f.tasks(),
                BulletinMath.lightsByArea(f.taskLines()), BulletinMath.taskFigures(shared), f.reports(), f.items(), f.openCases(), f.named(),
                BulletinMath.needsLeader(f.itemRecords(), period.end(), f::unit));
    }

    @Override
    public MonthlyBrief forUnit(MonthlyBrief b, long unitId) {
        return new MonthlyBrief(b.kind(), b.planId(), b.planTitle(), b.period(), b.periodStart(), b.asOf(), b.tasks(), b.lightsByArea(),
                b.sharedTasks(), b.reports(), b.items(), b.openCases(), b.named().stream().filter(n -> BulletinMath.same(n.unit(), unitId)).toList(),
                b.needsLeader().stream().filter(i -> BulletinMath.same(i.unit(), unitId)).toList());
    }

    @Override
    public MonthlyBrief forPartner(MonthlyBrief b) {
        return new MonthlyBrief(b.kind(), b.planId(), b.planTitle(), b.period(), b.periodStart(), b.asOf(), b.sharedTasks(), List.of(),
                b.sharedTasks(), null, null, null, List.of(), List.of());
    }

    @Override
    public DocumentSpec document(PublicationHeader header, MonthlyBrief b) {
        return BulletinDocuments.brief(header, b);
    }
}
