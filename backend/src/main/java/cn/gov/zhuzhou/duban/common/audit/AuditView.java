package cn.gov.zhuzhou.duban.common.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Audit stamps as the API shows them, in Asia/Shanghai time. */
@Schema(name = "AuditView", requiredProperties = {"createdAt", "createdBy", "updatedAt", "updatedBy"}, description = "Who created and last changed the record, and when.", readOnly = true)
public record AuditView(
        @Schema(example = "2026-11-28T09:30:00+08:00") OffsetDateTime createdAt,
        @Schema(example = "1b7c9e1e-5f0a-4c1e-9d2a-3f4e5a6b7c8d", description = "Token subject of the creator.") String createdBy,
        @Schema(example = "市发改委办公室 张三", description = "Display name of the creator.") String createdByName,
        @Schema(example = "2026-11-28T10:15:00+08:00") OffsetDateTime updatedAt,
        @Schema(example = "1b7c9e1e-5f0a-4c1e-9d2a-3f4e5a6b7c8d", description = "Token subject of the last editor.") String updatedBy,
        @Schema(example = "市发改委办公室 张三", description = "Display name of the last editor.") String updatedByName) {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public static AuditView of(Audit audit) {
        return audit == null ? null : of(audit.getCreatedAt(), audit.getCreatedBy(), audit.getCreatedByName(), audit.getUpdatedAt(),
                audit.getUpdatedBy(), audit.getUpdatedByName());
    }

    /** From an audit's columns as a row read them (null when the row has none). */
    public static AuditView of(Instant createdAt, String createdBy, String createdByName, Instant updatedAt, String updatedBy,
            String updatedByName) {
        if (createdAt == null) {
            return null;
        }
        return new AuditView(createdAt.atZone(ZONE).toOffsetDateTime(), createdBy, createdByName,
                updatedAt.atZone(ZONE).toOffsetDateTime(), updatedBy, updatedByName);
    }
}
