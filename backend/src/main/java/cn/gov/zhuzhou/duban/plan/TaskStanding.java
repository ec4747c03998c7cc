package cn.gov.zhuzhou.duban.plan;

import java.util.List;

/**
 * A task as it stood at the end of a day: its place in the plan, who answers for it (LEAD and MAIN), its progress and
 * its light. Stand-in for the "progress" work's (h-progress) record of the same signature: on a merge conflict, take that
 * version.
 */
public record TaskStanding(long taskId, long planId, String code, String title, Long areaId, String areaName, Long parentId, boolean leaf,
        String crossCityLeadCityCode, List<Long> responsibleUnitIds, TaskStatus status, int progressPercent, ProgressLight light) {
}
