package cn.gov.zhuzhou.duban.organisation;

import cn.gov.zhuzhou.duban.common.audit.AuditView;
import cn.gov.zhuzhou.duban.unit.UnitRef;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PositionView", requiredProperties = {"id", "title", "version", "audit"}, description = "A post (职务), its current holder and who held it before.")
public record PositionView(
        @Schema(readOnly = true, example = "3") Long id,
        @Schema(readOnly = true, example = "POS03") String code,
        @Schema(example = "市委常委、市人民政府常务副市长") String title,
        UnitRef unit,
        @Schema(readOnly = true) PersonRef holder,
        @Schema(readOnly = true, example = "2019-03-20") LocalDate holderSince,
        @Schema(readOnly = true, description = "Earlier holders, newest first.") List<TenureView> previousHolders,
        @Schema(readOnly = true, example = "0") long version,
        @Schema(readOnly = true) AuditView audit) {

    public static PositionView of(Position p, List<PositionTenure> tenures) {
        List<TenureView> previous = tenures.stream().filter(t -> t.getEndedOn() != null).map(TenureView::of).toList();
        return new PositionView(p.getId(), p.getCode(), p.getTitle(), UnitRef.of(p.getUnit()), PersonRef.of(p.getHolder()),
                p.getHolderSince(), previous, p.getVersion(), AuditView.of(p.getAudit()));
    }
}
