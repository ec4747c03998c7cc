package cn.gov.zhuzhou.duban.problem;

/** Who chairs a dispatch session (分级调度), lowest first; the dispatch feature's sessions use the same levels. */
public enum SessionLevel {
    OFFICE,
    DEPUTY_SECRETARY_GENERAL,
    DEPUTY_MAYOR,
    EXECUTIVE_DEPUTY_MAYOR,
    SECRETARY_AND_MAYOR
}
