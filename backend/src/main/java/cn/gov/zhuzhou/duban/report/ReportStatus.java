package cn.gov.zhuzhou.duban.report;

/** The life of a monthly report: drafted, submitted, returned by the office for revision, submitted again. */
public enum ReportStatus {
    DRAFT,
    SUBMITTED,
    RETURNED
}
