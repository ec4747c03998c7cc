package cn.gov.zhuzhou.duban.problem;

/** OPEN until the office classifies it; CLASSIFIED problems wait for a session to assign them; CLOSED when settled. */
public enum ProblemStatus {
    OPEN,
    CLASSIFIED,
    CLOSED
}
