package cn.gov.zhuzhou.duban.plan;

import cn.gov.zhuzhou.duban.common.audit.AuditView;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PlanView", requiredProperties = {"id", "code", "title", "version", "audit"}, description = "A plan document (行动方案).")
public record PlanView(
        @Schema(readOnly = true, example = "1") Long id,
        @Schema(example = "ZZ-CZT-2019") String code,
        @Schema(example = "长株潭城市群一体化发展株洲市行动方案") String title,
        @Schema(example = "中共株洲市委办公室、株洲市人民政府办公室") String issuer,
        @Schema(example = "2019-03-20") LocalDate documentDate,
        @Schema(example = "2019-03-20") LocalDate periodStart,
        @Schema(example = "2022-12-31") LocalDate periodEnd,
        @Schema(example = "力争在2019年底前……") String summary,
        @Schema(readOnly = true, example = "0") long version,
        @Schema(readOnly = true) AuditView audit) {

    public static PlanView of(Plan p) {
        return new PlanView(p.getId(), p.getCode(), p.getTitle(), p.getIssuer(), p.getDocumentDate(), p.getPeriodStart(),
                p.getPeriodEnd(), p.getSummary(), p.getVersion(), AuditView.of(p.getAudit()));
    }
}
