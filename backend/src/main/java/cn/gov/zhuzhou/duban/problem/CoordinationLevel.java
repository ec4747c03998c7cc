package cn.gov.zhuzhou.duban.problem;

/**
 * Annex 2, rule 5: which level must settle a problem, in rising order, and so which session level can (分级调度).
 */
public enum CoordinationLevel {
    /** The responsible unit settles it; the office's monthly dispatch follows it. */
    UNIT(SessionLevel.OFFICE),
    /** Needs the three cities' departments: a deputy secretary-general's session. */
    DEPARTMENTS_OF_THREE_CITIES(SessionLevel.DEPUTY_SECRETARY_GENERAL),
    /** Needs the three cities at city level: a deputy mayor's session. */
    CITY_LEVEL_OF_THREE_CITIES(SessionLevel.DEPUTY_MAYOR),
    /** Needs several departments or the three governments: the executive deputy mayor's session. */
    SEVERAL_DEPARTMENTS_OR_GOVERNMENTS(SessionLevel.EXECUTIVE_DEPUTY_MAYOR),
    /** Needs the province: the secretary and the mayor take it to the provincial party committee and government. */
    PROVINCE(SessionLevel.SECRETARY_AND_MAYOR);

    private final SessionLevel settledBy;

    CoordinationLevel(SessionLevel settledBy) {
        this.settledBy = settledBy;
    }

    /** The dispatch level whose session can settle a problem of this level. */
    public SessionLevel settledBy() {
        return settledBy;
    }
}
