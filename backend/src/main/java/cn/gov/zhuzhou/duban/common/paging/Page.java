package cn.gov.zhuzhou.duban.common.paging;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The one list envelope: the items of a page plus totals. */
public record Page<T>(
        @Schema(description = "The items of this page.") List<T> items,
        @Schema(description = "Page number, from 1.", example = "1") int page,
        @Schema(description = "Requested page size.", example = "20") int size,
        @Schema(description = "Number of items across all pages.", example = "26") long totalItems,
        @Schema(description = "Number of pages.", example = "2") int totalPages) {

    public static <T> Page<T> of(List<T> items, PageQuery query, long totalItems) {
        int pages = (int) ((totalItems + query.size - 1) / query.size);
        return new Page<>(items, query.page, query.size, totalItems, pages);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, totalItems, totalPages);
    }
}
