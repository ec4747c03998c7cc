package cn.gov.zhuzhou.duban.publication;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the office publishes (annex 2, rules 4, 5 and 8): a bulletin and a brief every month, a summary every quarter
 * and every half-year, an assessment ranking every year. Each kind has its own period shape.
 */
@Schema(name = "PublicationKind", description = "MONTHLY_BULLETIN 通报 (period yyyy-MM), MONTHLY_BRIEF 简报 (yyyy-MM), "
        + "QUARTERLY_SUMMARY 小结 (yyyy-Qn), HALF_YEAR_SUMMARY 总结 (yyyy-Hn), ANNUAL_ASSESSMENT 年度考核 (yyyy).")
public enum PublicationKind {
    MONTHLY_BULLETIN("通报"),
    MONTHLY_BRIEF("简报"),
    QUARTERLY_SUMMARY("季度小结"),
    HALF_YEAR_SUMMARY("半年总结"),
    ANNUAL_ASSESSMENT("年度考核排名");

    private final String displayName;

    PublicationKind(String displayName) {
        this.displayName = displayName;
    }

    /** The Chinese name, for messages and document titles. */
    public String displayName() {
        return displayName;
    }
}
