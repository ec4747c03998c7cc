package cn.gov.zhuzhou.duban.plan;

import java.util.List;

/**
 * A task as it stood at the end of a day (Asia/Shanghai): its progress from the history reported by then (a parent's
 * rolled up from its sub-tasks) and its light on that day. Read by the bulletin, the dashboard and the assessment.
 *
 * @param responsibleUnitIds the Zhuzhou units answering for it as LEAD or MAIN
 * @param status the derived status (a parent's follows its sub-tasks)
 * @param progressPercent the derived percent (a parent's rolled up from its sub-tasks)
 */
public record TaskStanding(long taskId, long planId, String code, String title, Long areaId, String areaName,
        Long parentId, boolean leaf, String crossCityLeadCityCode, List<Long> responsibleUnitIds, TaskStatus status,
        int progressPercent, ProgressLight light) {
}
