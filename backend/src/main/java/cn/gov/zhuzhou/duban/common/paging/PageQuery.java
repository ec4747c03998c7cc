package cn.gov.zhuzhou.duban.common.paging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The one paging contract: {@code page} (from 1) and {@code size} (1..200, default 20) on every list. */
public class PageQuery {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    @QueryParam("page")
    @DefaultValue("1")
    @Min(value = 1, message = "页码从 1 开始")
    @Parameter(description = "Page number, starting at 1.", example = "1")
    public int page = 1;

    @QueryParam("size")
    @DefaultValue("20")
    @Min(value = 1, message = "每页条数至少为 1")
    @Max(value = MAX_SIZE, message = "每页条数不能超过 200")
    @Parameter(description = "Items per page, 1 to 200 (default 20). A larger value is refused with 400.", example = "20")
    public int size = DEFAULT_SIZE;

    public int offset() {
        return (page - 1) * size;
    }
}
