package cn.gov.zhuzhou.duban.organisation;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TenureView", requiredProperties = {"person", "startedOn"}, description = "One person's time in a post.", readOnly = true)
public record TenureView(
        PersonRef person,
        @Schema(example = "2019-03-20") LocalDate startedOn,
        @Schema(example = "2021-06-30", description = "Null while the person still holds the post.") LocalDate endedOn,
        @Schema(example = "工作调动") String note) {

    public static TenureView of(PositionTenure t) {
        return new TenureView(PersonRef.of(t.getPerson()), t.getStartedOn(), t.getEndedOn(), t.getNote());
    }
}
