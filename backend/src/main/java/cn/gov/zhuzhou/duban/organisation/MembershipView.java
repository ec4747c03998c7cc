package cn.gov.zhuzhou.duban.organisation;

import cn.gov.zhuzhou.duban.unit.UnitRef;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MembershipView", requiredProperties = {"id", "role", "sortOrder", "positionId", "positionTitle"}, description = "A seat in a group: the post that holds it, who holds it now, and who held it before.")
public record MembershipView(
        @Schema(readOnly = true, example = "5") Long id,
        @Schema(example = "DEPUTY_LEADER") MembershipRole role,
        @Schema(example = "3") int sortOrder,
        @Schema(example = "3") Long positionId,
        @Schema(example = "市委常委、市人民政府常务副市长") String positionTitle,
        UnitRef unit,
        @Schema(description = "Who holds the post, and so the seat, today.") PersonRef currentHolder,
        @Schema(example = "2019-03-20") LocalDate holderSince,
        @Schema(description = "Earlier holders of the post, newest first.") List<TenureView> previousHolders) {

    public static MembershipView of(Membership m, List<PositionTenure> tenures) {
        Position p = m.getPosition();
        List<TenureView> previous = tenures.stream().filter(t -> t.getEndedOn() != null).map(TenureView::of).toList();
        return new MembershipView(m.getId(), m.getRole(), m.getSortOrder(), p.getId(), p.getTitle(), UnitRef.of(p.getUnit()),
                PersonRef.of(p.getHolder()), p.getHolderSince(), previous);
    }
}
