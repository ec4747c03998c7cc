package cn.gov.zhuzhou.duban.bulletin;

import cn.gov.zhuzhou.duban.bulletin.BulletinFigures.MonthlyBulletin;
import cn.gov.zhuzhou.duban.common.document.DocumentSpec;
import cn.gov.zhuzhou.duban.publication.PublicationContent;
import cn.gov.zhuzhou.duban.publication.PublicationKind;
import cn.gov.zhuzhou.duban.publication.PublicationPeriod;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/**
 * The monthly bulletin (通报, annex 2 rule 8): for month M as it stood at the end of M — the reports due in M (the work
 * of M-1; after the 5th late), the ticket items of M, the cases open at its end, every task with its light and latest
 * report, the units named and the units that did well.
 */
@ApplicationScoped
public class MonthlyBulletinContent implements PublicationContent<MonthlyBulletin> {

    private final BulletinSource source;

    MonthlyBulletinContent(BulletinSource source) {
        this.source = source;
    }

    @Override
    public Set<PublicationKind> kinds() {
        return Set.of(PublicationKind.MONTHLY_BULLETIN);
    }

    @Override
    public Class<MonthlyBulletin> type() {
        return MonthlyBulletin.class;
    }

    @Override
    public MonthlyBulletin generate(PublicationKind kind, long planId, PublicationPeriod period) {
        BulletinSource.Figures f = source.figures(planId, period);
        return new MonthlyBulletin(kind, planId, f.plan().title(), period.text(), period.start(), period.end(), f.tasks(), f.taskLines(),
                f.reports(), f.items(), f.openCases(), f.units(), f.cases(), f.named(), f.commended());
    }

    @Override
    public MonthlyBulletin forUnit(MonthlyBulletin b, long unitId) {
        return new MonthlyBulletin(b.kind(), b.planId(), b.planTitle(), b.period(), b.periodStart(), b.asOf(), b.tasks(),
                BulletinMath.tasksOf(b.taskLines(), unitId), b.reports(), b.items(), b.openCases(),
                b.units().stream().filter(u -> BulletinMath.same(u.unit(), unitId)).toList(),
                b.cases().stream().filter(c -> c.unitId() == unitId).toList(),
                b.named().stream().filter(n -> BulletinMath.same(n.unit(), unitId)).toList(),
                b.commended().stream().filter(u -> BulletinMath.same(u, unitId)).toList());
    }

    @Override
    public MonthlyBulletin forPartner(MonthlyBulletin b) {
        var shared = BulletinMath.sharedTasks(b.taskLines());
        return new MonthlyBulletin(b.kind(), b.planId(), b.planTitle(), b.period(), b.periodStart(), b.asOf(), BulletinMath.taskFigures(shared),
                shared, null, null, null, List.of(), List.of(), List.of(), List.of());
    }

    @Override
    public DocumentSpec document(PublicationHeader header, MonthlyBulletin b) {
        return BulletinDocuments.bulletin(header, b.planTitle(), b.tasks(), b.taskLines(), b.units(), b.cases(), b.named(), b.commended(), null);
    }
}
