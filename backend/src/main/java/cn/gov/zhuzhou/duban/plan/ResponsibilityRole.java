package cn.gov.zhuzhou.duban.plan;

/** How a Zhuzhou unit answers for a task: 牵头单位 (LEAD), 主要责任单位 (MAIN) or 配合单位 (COOPERATING). */
public enum ResponsibilityRole {
    LEAD,
    MAIN,
    COOPERATING
}
