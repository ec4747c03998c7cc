package cn.gov.zhuzhou.duban.seed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;

/** The shape of {@code seed/zhuzhou-plan.json}: the source document's facts, text restored. */
@JsonIgnoreProperties(ignoreUnknown = false)
record PlanSeed(List<CitySeed> cities, List<UnitSeed> units, List<PersonSeed> people, List<PositionSeed> positions,
        PlanDoc plan, List<AreaSeed> areas, List<TaskSeed> tasks, List<GroupSeed> groups) {

    record CitySeed(String code, String name) {
    }

    record UnitSeed(String code, String city, String name, String shortName, String kind) {
    }

    record PersonSeed(String code, String name) {
    }

    record PositionSeed(String code, String title, String unit, String holder) {
    }

    record PlanDoc(String code, String title, String issuer, LocalDate documentDate, LocalDate periodStart, LocalDate periodEnd,
            String summary) {
    }

    record AreaSeed(String code, String name, int sortOrder) {
    }

    record LeadSeed(String city, List<String> units) {
    }

    record ResponsibleSeed(String unit, String role) {
    }

    record MilestoneSeed(String title, LocalDate dueDate) {
    }

    record TaskSeed(String code, String kind, String area, String title, String description, String leadClause,
            LeadSeed crossCityLead, List<ResponsibleSeed> responsibleUnits, LocalDate deadline, List<MilestoneSeed> milestones,
            List<TaskSeed> subTasks) {
    }

    record MemberSeed(String position, String role) {
    }

    record GroupSeed(String code, String kind, String name, String parent, String hostUnit, String officeDirector, String task,
            String duties, List<MemberSeed> members) {
    }
}
