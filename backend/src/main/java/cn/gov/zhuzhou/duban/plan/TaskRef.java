package cn.gov.zhuzhou.duban.plan;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A short reference to a task, embedded in other resources. */
@Schema(name = "TaskRef", requiredProperties = {"id", "code", "title"}, description = "A short reference to a task.")
public record TaskRef(@Schema(example = "14") Long id, @Schema(example = "N6") String code,
        @Schema(example = "启动全国区域性物流枢纽工程建设") String title) {

    static TaskRef of(Task t) {
        return new TaskRef(t.getId(), t.getCode(), t.getTitle());
    }
}
