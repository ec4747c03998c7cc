package cn.gov.zhuzhou.duban.report;

/** The life of a monthly report: drafted, submitted, returned by the office for revision, submitted again. */
public enum ReportStatus {
    DRAFT,
    SUBMITTED,
    RETURNED;

    /** Only a draft or a returned report may be edited or submitted; a submitted one changes only through a return. */
    boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
