package cn.gov.zhuzhou.duban.common.paging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The one paging contract: {@code page} (from 1, at most {@value #MAX_PAGE}) and {@code size} (1..200, default 20)
 * on every list. The page limit keeps every offset, {@code (page - 1) * size}, and the last index of a page within
 * an int, which is what JPA and Panache take: a page past the end of the data is an empty page with the totals,
 * a page past the limit a 400, never an overflow.
 */
public class PageQuery {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;
    public static final int MAX_PAGE = 1_000_000;

    @QueryParam("page")
    @DefaultValue("1")
    @Min(value = 1, message = "页码从 1 开始")
    @Max(value = MAX_PAGE, message = "页码不能超过 1000000")
    @Parameter(description = "Page number, starting at 1, at most 1000000 (more is refused with 400). A page past the end is empty, with the totals.", example = "1")
    public int page = 1;

    @QueryParam("size")
    @DefaultValue("20")
    @Min(value = 1, message = "每页条数至少为 1")
    @Max(value = MAX_SIZE, message = "每页条数不能超过 200")
    @Parameter(description = "Items per page, 1 to 200 (default 20). A larger value is refused with 400.", example = "20")
    public int size = DEFAULT_SIZE;

    /** Index of the first row of this page. */
    public int offset() {
        return Math.toIntExact((long) (page - 1) * size);
    }

    /** Index of the last row of this page (for Panache's {@code range}). */
    public int lastIndex() {
        return Math.toIntExact((long) offset() + size - 1);
    }
}
