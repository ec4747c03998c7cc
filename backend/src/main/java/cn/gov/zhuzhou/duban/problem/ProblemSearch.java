package cn.gov.zhuzhou.duban.problem;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters of the problem list; every one optional. */
public class ProblemSearch {

    @QueryParam("status")
    @Parameter(description = "OPEN, CLASSIFIED or CLOSED.")
    public ProblemStatus status;

    @QueryParam("level")
    @Parameter(description = "Coordination level the office classified it at.")
    public CoordinationLevel level;

    @QueryParam("taskId")
    @Parameter(description = "Only problems of this task.", example = "14")
    public Long taskId;

    @QueryParam("unitId")
    @Parameter(description = "Only problems raised by this unit.", example = "12")
    public Long unitId;

    @QueryParam("source")
    @Parameter(description = "Where it was raised.")
    public ProblemSource source;

    @QueryParam("leaderLevel")
    @Parameter(description = "true: only problems whose coordination level needs a session above the office's (a leader's "
            + "dispatch: every level but UNIT); false: only those the office's session settles.", example = "true")
    public Boolean leaderLevel;
}
