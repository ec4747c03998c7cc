package cn.gov.zhuzhou.duban.assessment;

/** The kind of record a line of a unit's score points at, with its Chinese name. */
public enum RecordType {
    MONTHLY_REPORT("月报"),
    TICKET_ITEM("交办事项"),
    SUPERVISION_CASE("督查督办案件"),
    TASK("任务"),
    MILESTONE("任务节点");

    private final String label;

    RecordType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
