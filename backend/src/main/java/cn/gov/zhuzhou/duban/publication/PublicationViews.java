package cn.gov.zhuzhou.duban.publication;

import cn.gov.zhuzhou.duban.assessment.AssessmentView;
import cn.gov.zhuzhou.duban.bulletin.BulletinFigures;
import cn.gov.zhuzhou.duban.common.audit.AuditView;
import com.fasterxml.jackson.annotation.JsonRawValue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and views of publications (通报, 简报, 小结, 总结, 年度考核). */
public final class PublicationViews {

    private PublicationViews() {
    }

    /** How much of the figures the caller reads: everything, its unit's lines, or the shared-task part. */
    @Schema(name = "PublicationScope", description = "FULL: every figure (office, leader, supervisor); UNIT: the caller's unit's lines "
            + "and the tasks it answers for; SHARED_TASKS: the tasks shared by the three cities (a partner).")
    public enum Scope {
        FULL,
        UNIT,
        SHARED_TASKS
    }

    @Schema(name = "PublicationCreateRequest", description = "Generate a draft of a kind for a plan and a period that has ended.")
    public record Create(
            @NotNull(message = "不能为空") @Schema(example = "MONTHLY_BULLETIN") PublicationKind kind,
            @NotNull(message = "不能为空") @Schema(example = "1", description = "The plan the publication covers.") Long planId,
            @NotBlank(message = "不能为空") @Size(max = 16, message = "不能超过 16 个字符")
            @Schema(example = "2026-11", description = "yyyy-MM for a bulletin or brief, yyyy-Qn a quarterly summary, yyyy-Hn a half-year summary, yyyy the assessment.")
            String period) {
    }

    @Schema(name = "PublicationProseRequest", description = "The prose of a draft (Chinese text); each part may be empty.")
    public record Prose(
            @Size(max = 20000, message = "不能超过 20000 个字符") @Schema(example = "11月，各责任单位按照行动方案要求……", description = "Opening (总体情况).") String opening,
            @Size(max = 20000, message = "不能超过 20000 个字符") @Schema(example = "市交通运输局提前完成……", description = "Highlights (工作亮点).") String highlights,
            @Size(max = 20000, message = "不能超过 20000 个字符") @Schema(example = "各滞后单位要……", description = "Requirements for the next period (下一步工作要求).") String nextSteps,
            @Schema(example = "0", deprecated = true, description = "Deprecated: send the ETag you read as If-Match instead, which every PUT requires and which wins over this field (it is not looked at when If-Match is sent). Accepted in this release only; removed in the next.") Long version) {
    }

    @Schema(name = "PublicationPublishRequest", description = "Publish a draft: its figures and prose are frozen from then on.")
    public record Publish(@NotNull(message = "不能为空") @Schema(example = "2", description = "The version you read.") Long version) {
    }

    @Schema(name = "PublicationCorrectionRequest", description = "Ask for a correction of a published text: a new draft with fresh figures that points to it.")
    public record Correction(
            @NotBlank(message = "不能为空") @Size(max = 2000, message = "不能超过 2000 个字符") @Schema(example = "市教育局10月月报补录后迟报次数有误") String reason,
            @NotNull(message = "不能为空") @Schema(example = "3", description = "The version you read.") Long version) {
    }

    @Schema(name = "PublicationView", requiredProperties = {"id", "kind", "planId", "period", "periodStart", "asOf", "status", "scope", "content", "version", "audit"},
            description = "A publication with its figures as stored (as they stood on asOf; never recomputed once published) and its prose.")
    public record View(
            @Schema(readOnly = true, example = "7") Long id,
            @Schema(example = "MONTHLY_BULLETIN") PublicationKind kind,
            @Schema(example = "1") Long planId,
            @Schema(example = "2026-11") String period,
            @Schema(example = "2026-11-01", description = "First day of the period.") LocalDate periodStart,
            @Schema(example = "2026-11-30", description = "Last day of the period: the figures stand as at the end of this day.") LocalDate asOf,
            @Schema(example = "PUBLISHED") PublicationStatus status,
            @Schema(example = "FULL") Scope scope,
            @JsonRawValue
            @Schema(type = SchemaType.OBJECT, description = "The figures, typed by kind (discriminator `kind`).",
                    oneOf = {BulletinFigures.MonthlyBulletin.class, BulletinFigures.MonthlyBrief.class, BulletinFigures.PeriodSummary.class,
                            AssessmentView.class},
                    discriminatorProperty = "kind", discriminatorMapping = {
                            @DiscriminatorMapping(value = "MONTHLY_BULLETIN", schema = BulletinFigures.MonthlyBulletin.class),
                            @DiscriminatorMapping(value = "MONTHLY_BRIEF", schema = BulletinFigures.MonthlyBrief.class),
                            @DiscriminatorMapping(value = "QUARTERLY_SUMMARY", schema = BulletinFigures.PeriodSummary.class),
                            @DiscriminatorMapping(value = "HALF_YEAR_SUMMARY", schema = BulletinFigures.PeriodSummary.class),
                            @DiscriminatorMapping(value = "ANNUAL_ASSESSMENT", schema = AssessmentView.class)})
            String content,
            @Schema(example = "11月，各责任单位按照行动方案要求……") String opening,
            @Schema(example = "市交通运输局提前完成……") String highlights,
            @Schema(example = "各滞后单位要……") String nextSteps,
            @Schema(example = "5", description = "The publication this one corrects.") Long corrects,
            @Schema(example = "市教育局10月月报补录后迟报次数有误", description = "Why it corrects it.") String correctionReason,
            @Schema(example = "9", description = "The newest correction of this one, if any.") Long correctedBy,
            @Schema(example = "2026-12-02T10:00:00+08:00") OffsetDateTime publishedAt,
            @Schema(example = "3f6c2a9e-8b1d-4e7a-9c35-2d0f1b7a6e41") String publishedBy,
            @Schema(example = "领导小组办公室") String publishedByName,
            @Schema(readOnly = true, example = "2") long version,
            @Schema(readOnly = true) AuditView audit) {
    }

    @Schema(name = "PublicationSummaryView", requiredProperties = {"id", "kind", "planId", "period", "periodStart", "asOf", "status", "version", "audit"},
            description = "A publication in a list (without its figures; read one for them).", readOnly = true)
    public record Summary(
            @Schema(example = "7") Long id,
            @Schema(example = "MONTHLY_BULLETIN") PublicationKind kind,
            @Schema(example = "1") Long planId,
            @Schema(example = "2026-11") String period,
            @Schema(example = "2026-11-01") LocalDate periodStart,
            @Schema(example = "2026-11-30") LocalDate asOf,
            @Schema(example = "PUBLISHED") PublicationStatus status,
            @Schema(example = "5") Long corrects,
            @Schema(example = "2026-12-02T10:00:00+08:00") OffsetDateTime publishedAt,
            @Schema(example = "2") long version,
            AuditView audit) {

        /** From a row of {@link PublicationRepository#summaries}: id, kind, plan, period, start, as of, status, corrects, published at, version, audit. */
        static Summary of(Object[] r) {
            return new Summary((Long) r[0], (PublicationKind) r[1], (Long) r[2], (String) r[3], (LocalDate) r[4], (LocalDate) r[5],
                    (PublicationStatus) r[6], (Long) r[7], at((java.time.Instant) r[8]), (Long) r[9],
                    AuditView.of((cn.gov.zhuzhou.duban.common.audit.Audit) r[10]));
        }
    }

    @Schema(name = "PublicationEventView", requiredProperties = {"to", "reason", "at", "actor"}, description = "One step of a publication: generated, prose edited, published, correction asked, superseded.", readOnly = true)
    public record Event(@Schema(example = "DRAFT") PublicationStatus from, @Schema(example = "PUBLISHED") PublicationStatus to,
            @Schema(example = "发布") String reason, @Schema(example = "2026-12-02T10:00:00+08:00") OffsetDateTime at,
            @Schema(example = "3f6c2a9e-8b1d-4e7a-9c35-2d0f1b7a6e41", description = "Token subject of who acted.") String actor,
            @Schema(example = "领导小组办公室", description = "Display name of who acted.") String actorName) {

        static Event of(PublicationEvent e) {
            return new Event(e.getFromStatus(), e.getToStatus(), e.getReason(), PublicationViews.at(e.getAt()), e.getActor(), e.getActorName());
        }
    }

    @Schema(name = "PublicationPage", requiredProperties = {"items", "page", "size", "totalItems", "totalPages"}, description = "A page of publications.")
    public record SummaryPage(List<Summary> items, @Schema(example = "1") int page, @Schema(example = "20") int size,
            @Schema(example = "26") long totalItems, @Schema(example = "2") int totalPages) {
    }

    @Schema(name = "PublicationEventPage", requiredProperties = {"items", "page", "size", "totalItems", "totalPages"}, description = "A page of a publication's steps.")
    public record EventPage(List<Event> items, @Schema(example = "1") int page, @Schema(example = "20") int size,
            @Schema(example = "4") long totalItems, @Schema(example = "1") int totalPages) {
    }

    static OffsetDateTime at(java.time.Instant i) {
        return i == null ? null : i.atZone(AuditView.ZONE).toOffsetDateTime();
    }
}
