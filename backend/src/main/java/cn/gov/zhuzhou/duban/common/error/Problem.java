package cn.gov.zhuzhou.duban.common.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The one error body of the API: RFC 9457 problem details, with field violations for bad input. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", requiredProperties = {"type", "title", "status"}, description = "RFC 9457 problem details (application/problem+json).")
public record Problem(
        @Schema(description = "Stable URI that identifies the kind of problem.", example = "https://duban.zhuzhou.gov.cn/problems/not-found")
        String type,
        @Schema(description = "Short human-readable summary (zh-CN).", example = "资源不存在")
        String title,
        @Schema(description = "HTTP status code.", example = "404")
        int status,
        @Schema(description = "Human-readable explanation of this occurrence (zh-CN).", example = "任务 42 不存在")
        String detail,
        @Schema(description = "The request path that produced the problem.", example = "/api/v1/tasks/42")
        String instance,
        @Schema(description = "For validation problems: each rejected field and why.")
        List<Violation> violations,
        @Schema(description = "For 412 (precondition failed): the resource's current entity tag, to send as If-Match after reading it again.",
                example = "\"4\"")
        String currentEtag,
        @Schema(description = "The request's id (the X-Request-Id response header): quote it to the operators, who find every log line "
                + "of the request by it.", example = "3f0c9a52-8d0e-4c55-9b8e-2a4f4b1b7e11")
        String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://duban.zhuzhou.gov.cn/problems/";

    /** A problem of the current request: its id is taken from the request's logging context (common/observability/RequestId). */
    public Problem(String type, String title, int status, String detail, String instance, List<Violation> violations) {
        this(type, title, status, detail, instance, violations, null);
    }

    public Problem(String type, String title, int status, String detail, String instance, List<Violation> violations, String currentEtag) {
        this(type, title, status, detail, instance, violations, currentEtag,
                cn.gov.zhuzhou.duban.common.observability.RequestId.current());
    }

    /** One rejected field of a request. */
    @Schema(name = "Violation", requiredProperties = {"field", "message"}, description = "A rejected field and the reason.")
    public record Violation(
            @Schema(description = "Path of the field in the request.", example = "title") String field,
            @Schema(description = "Why it was rejected (zh-CN).", example = "不能为空") String message) {
    }
}
