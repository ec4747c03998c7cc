package cn.gov.zhuzhou.duban.assessment;

/**
 * One rule of the office's assessment rules (考核细则, issue 10): what kind of record earns or costs a unit points in
 * the annual assessment (年度考核), with its Chinese label. The weights live in configuration ({@link AssessmentRules}).
 */
public enum AssessmentRule {
    BASE("基础分"),
    REPORT_ON_TIME("月报按时报送"),
    REPORT_LATE("月报逾期报送"),
    REPORT_MISSING("月报未报送"),
    ITEM_CLOSED_ON_TIME("交办事项按期办结"),
    ITEM_CLOSED_LATE("交办事项逾期办结"),
    ITEM_RETURNED("交办事项办结被退回"),
    KEY_ITEM_OVERDUE("重点交办事项逾期未办结"),
    ITEM_OVERDUE("一般交办事项逾期未办结"),
    SUPERVISION_CASE("交办事项被立案督查督办"),
    TASK_COMPLETED("任务完成"),
    MILESTONE_ON_TIME("任务节点按期完成"),
    MILESTONE_MISSED("任务节点未按期完成");

    private final String label;

    AssessmentRule(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
