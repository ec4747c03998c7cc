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

    /**
     * One page of a list read whole: a record's history, a task's progress, a month's roll call, each a few rows per
     * record and read in one statement, but without a bound, so they answer in the same envelope as every list.
     * A page past the end is empty, with the right totals.
     */
    public static <T> Page<T> slice(List<T> all, PageQuery query) {
        long from = Math.min((long) (query.page - 1) * query.size, all.size());
        long to = Math.min(from + query.size, all.size());
        return of(List.copyOf(all.subList((int) from, (int) to)), query, all.size());
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, totalItems, totalPages);
    }
}
