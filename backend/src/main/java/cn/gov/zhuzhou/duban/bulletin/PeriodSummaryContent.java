package cn.gov.zhuzhou.duban.bulletin;

import cn.gov.zhuzhou.duban.bulletin.BulletinFigures.PeriodSummary;
import cn.gov.zhuzhou.duban.common.document.DocumentSpec;
import cn.gov.zhuzhou.duban.publication.PublicationContent;
import cn.gov.zhuzhou.duban.publication.PublicationKind;
import cn.gov.zhuzhou.duban.publication.PublicationPeriod;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/**
 * The quarterly summary (小结) and the half-year summary (总结), annex 2 rule 4: the bulletin's figures over the period
 * (reports due in it, items over it, cases open at its end), the previous period's totals and the change; the
 * quarterly one carries the quarterly supervision round (main text 三.(三)) as it stood when generated.
 */
@ApplicationScoped
public class PeriodSummaryContent implements PublicationContent<PeriodSummary> {

    private final BulletinSource source;

    PeriodSummaryContent(BulletinSource source) {
        this.source = source;
    }

    @Override
    public Set<PublicationKind> kinds() {
        return Set.of(PublicationKind.QUARTERLY_SUMMARY, PublicationKind.HALF_YEAR_SUMMARY);
    }

    @Override
    public Class<PeriodSummary> type() {
        return PeriodSummary.class;
    }

    @Override
    public PeriodSummary generate(PublicationKind kind, long planId, PublicationPeriod period) {
        BulletinSource.Figures f = source.figures(planId, period);
        BulletinSource.Figures before = source.figures(planId, period.previous());
        var round = kind == PublicationKind.QUARTERLY_SUMMARY ? source.round(period.text(), f.unitsById()) : null;
        return new PeriodSummary(kind, planId, f.plan().title(), period.text(), period.start(), period.end(), f.tasks(), f.taskLines(), f.reports(),
                f.items(), f.openCases(), f.units(), f.cases(), f.named(), f.commended(), before.totals(),
                BulletinMath.change(f.totals(), before.totals()), round);
    }

    @Override
    public PeriodSummary forUnit(PeriodSummary s, long unitId) {
        var round = s.round() == null ? null : new BulletinFigures.Round(s.round().quarter(),
                s.round().openCases().stream().filter(c -> c.unitId() == unitId).toList(),
                s.round().lateUnits().stream().filter(u -> BulletinMath.same(u.unit(), unitId)).toList());
        return new PeriodSummary(s.kind(), s.planId(), s.planTitle(), s.period(), s.periodStart(), s.asOf(), s.tasks(),
                BulletinMath.tasksOf(s.taskLines(), unitId), s.reports(), s.items(), s.openCases(),
                s.units().stream().filter(u -> BulletinMath.same(u.unit(), unitId)).toList(),
                s.cases().stream().filter(c -> c.unitId() == unitId).toList(),
                s.named().stream().filter(n -> BulletinMath.same(n.unit(), unitId)).toList(),
                s.commended().stream().filter(u -> BulletinMath.same(u, unitId)).toList(), s.previous(), s.change(), round);
    }

    @Override
    public PeriodSummary forPartner(PeriodSummary s) {
        var shared = BulletinMath.sharedTasks(s.taskLines());
        return new PeriodSummary(s.kind(), s.planId(), s.planTitle(), s.period(), s.periodStart(), s.asOf(), BulletinMath.taskFigures(shared),
                shared, null, null, null, List.of(), List.of(), List.of(), List.of(), null, List.of(), null);
    }

    @Override
    public DocumentSpec document(PublicationHeader header, PeriodSummary s) {
        return BulletinDocuments.bulletin(header, s.planTitle(), s.tasks(), s.taskLines(), s.units(), s.cases(), s.named(), s.commended(), s);
    }
}
