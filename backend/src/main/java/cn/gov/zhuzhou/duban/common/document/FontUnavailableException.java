package cn.gov.zhuzhou.duban.common.document;

import cn.gov.zhuzhou.duban.common.error.DomainException;
import cn.gov.zhuzhou.duban.common.error.ProblemKind;

/**
 * The CJK font a PDF needs is missing or unreadable on this server: answered as 503 problem+json "字体不可用".
 * XLSX and CSV need no font and keep working.
 */
public class FontUnavailableException extends DomainException {

    public FontUnavailableException() {
        super(ProblemKind.SERVICE_UNAVAILABLE, "字体不可用：服务器缺少生成 PDF 所需的中文字体，请联系管理员（表格仍可下载为 XLSX 或 CSV）");
    }
}
