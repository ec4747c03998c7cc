package cn.gov.zhuzhou.duban.seed;

import static cn.gov.zhuzhou.duban.support.Api.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The loaded plan, checked against the source document (../shared/seed). */
@QuarkusTest
class PlanSeedTest {

    /** Every lead clause of section 二(二): task code -> lead city and its lead unit(s), by full name. */
    static final Map<String, String> CROSS_CITY_LEADS = Map.ofEntries(
            Map.entry("N1", "CS:长沙市自然资源和规划局"),
            Map.entry("N2", "CS:长沙市住房和城乡建设局"),
            Map.entry("N3", "CS:长沙市发展和改革委员会"),
            Map.entry("N4", "CS:长沙市住房和城乡建设局"),
            Map.entry("N5.1", "CS:长沙市交通运输局"),
            Map.entry("N5.2", "CS:长沙市人民政府国有资产监督管理委员会"),
            Map.entry("N6", "ZZ:株洲市发展和改革委员会"),
            Map.entry("N7", "XT:湘潭市卫生健康委员会"),
            Map.entry("N8.1", "CS:长沙市教育局"),
            Map.entry("N8.2", "ZZ:株洲市教育局"),
            Map.entry("N9.1", "ZZ:株洲市文化旅游广电体育局"),
            Map.entry("N9.2", "XT:湘潭市文化旅游广电体育局"),
            Map.entry("N10", "CS:长沙市发展和改革委员会,长沙市财政局,长沙市人民政府金融工作办公室"),
            Map.entry("N11", "CS:长沙市人力资源和社会保障局"),
            Map.entry("N12", "XT:湘潭市工业和信息化局"),
            Map.entry("N13", "XT:湘潭市发展和改革委员会"),
            Map.entry("N14.1", "CS:长沙市生态环境局"),
            Map.entry("N14.2", "ZZ:株洲市生态环境局"),
            Map.entry("N14.3", "CS:长沙市林业局"));

    /** Zhuzhou's own responsible units per task, as role:short name, in document order. */
    static final Map<String, String> RESPONSIBLE = Map.ofEntries(
            Map.entry("L1", "LEAD:市自然资源和规划局"),
            Map.entry("L2", "LEAD:市交通运输局"),
            Map.entry("L3", "LEAD:市工业和信息化局,LEAD:市发展和改革委员会,LEAD:市科学技术局"),
            Map.entry("L4", "LEAD:市生态环境局,LEAD:市“两型社会”建设综合配套改革办公室"),
            Map.entry("L5", "LEAD:市卫生健康委员会,LEAD:市教育局,LEAD:市文化旅游广电体育局,LEAD:市人力资源和社会保障局"),
            Map.entry("L6", "LEAD:市发展和改革委员会,LEAD:市人民政府金融工作办公室"),
            Map.entry("N1", "MAIN:市自然资源和规划局"),
            Map.entry("N2", "MAIN:市住房和城乡建设局(市人民防空办公室),MAIN:市交通运输局"),
            Map.entry("N3", "MAIN:市发展和改革委员会,MAIN:市交通运输局"),
            Map.entry("N4", "MAIN:市住房和城乡建设局(市人民防空办公室),MAIN:市交通运输局"),
            Map.entry("N5.1", "MAIN:市交通运输局"),
            Map.entry("N5.2", "MAIN:市人民政府国有资产监督管理委员会"),
            Map.entry("N6", "LEAD:市发展和改革委员会,MAIN:市商务和粮食局"),
            Map.entry("N7", "MAIN:市卫生健康委员会"),
            Map.entry("N8.1", "MAIN:市教育局"),
            Map.entry("N8.2", "LEAD:市教育局"),
            Map.entry("N9.1", "LEAD:市文化旅游广电体育局"),
            Map.entry("N9.2", "MAIN:市文化旅游广电体育局"),
            Map.entry("N10", "MAIN:市人民政府金融工作办公室"),
            Map.entry("N11", "LEAD:市人力资源和社会保障局"),
            Map.entry("N12", "MAIN:市工业和信息化局,MAIN:市发展和改革委员会"),
            Map.entry("N13", "MAIN:市发展和改革委员会"),
            Map.entry("N14.1", "MAIN:市生态环境局"),
            Map.entry("N14.2", "LEAD:市生态环境局"),
            Map.entry("N14.3", "MAIN:市林业局"));

    static JsonPath tree;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PlanImporter importer;

    @BeforeEach
    void readTree() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        if (tree != null) {
            return;
        }
        long planId = cn.gov.zhuzhou.duban.support.Api.planId();
        tree = given().get("/api/v1/plans/{id}/tree", planId).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void planIsTheZhuzhouActionPlanOf20March2019() {
        assertThat(tree.getString("plan.title")).isEqualTo("长株潭城市群一体化发展株洲市行动方案");
        assertThat(tree.getString("plan.documentDate")).isEqualTo("2019-03-20");
        assertThat(tree.getList("areas.name")).containsExactly("规划融合", "交通共建", "产业协同", "环境共治", "民生共享", "信用联动");
    }

    @Test
    void sixLongTermTasksAndFourteenNearTermItems() {
        List<Map<String, Object>> roots = tree.getList("tasks");
        assertThat(roots).filteredOn(t -> "LONG_TERM".equals(t.get("kind"))).extracting(t -> t.get("code"))
                .containsExactly("L1", "L2", "L3", "L4", "L5", "L6");
        assertThat(roots).filteredOn(t -> "NEAR_TERM".equals(t.get("kind"))).hasSize(14);
        assertThat(tree.getString("tasks.find { it.code == 'L2' }.title")).contains("交通");
    }

    @Test
    void multiParagraphItemsAreSplitIntoSubTasks() {
        assertThat(childCodes("N5")).containsExactly("N5.1", "N5.2");
        assertThat(childCodes("N8")).containsExactly("N8.1", "N8.2");
        assertThat(childCodes("N9")).containsExactly("N9.1", "N9.2");
        assertThat(childCodes("N14")).containsExactly("N14.1", "N14.2", "N14.3");
        assertThat(allNodes()).hasSize(29);
    }

    @Test
    void everyLeadClauseNamesItsCityAndUnits() {
        Map<String, String> actual = allNodes().stream().filter(n -> n.get("crossCityLead") != null)
                .collect(Collectors.toMap(n -> (String) n.get("code"), PlanSeedTest::leadOf));
        assertThat(actual).containsExactlyInAnyOrderEntriesOf(CROSS_CITY_LEADS);
    }

    @Test
    void zhuzhouResponsibleUnitsMatchTheDocument() {
        Map<String, String> shortNames = new java.util.HashMap<>();
        given().queryParam("city", "ZZ").queryParam("size", 200).get("/api/v1/units").then().statusCode(200).extract()
                .jsonPath().getList("items", Map.class).forEach(u -> shortNames.put((String) u.get("name"), (String) u.get("shortName")));
        Map<String, String> actual = new java.util.HashMap<>();
        for (Map<String, Object> n : allNodes()) {
            List<Map<String, Object>> units = (List<Map<String, Object>>) n.get("responsibleUnits");
            if (!units.isEmpty()) {
                actual.put((String) n.get("code"), units.stream()
                        .map(r -> r.get("role") + ":" + shortNames.get(((Map<?, ?>) r.get("unit")).get("name")))
                        .collect(Collectors.joining(",")));
            }
        }
        assertThat(actual).containsExactlyInAnyOrderEntriesOf(RESPONSIBLE);
    }

    @Test
    void theFourTasksZhuzhouLeadsEachHaveTheirWorkingGroup() {
        JsonPath groups = given().queryParam("kind", "WORKING_GROUP").get("/api/v1/groups").then().statusCode(200).extract().jsonPath();
        Map<String, String> groupToTask = new java.util.HashMap<>();
        for (Map<String, Object> g : groups.getList("items", Map.class).stream().map(m -> (Map<String, Object>) m)
                .filter(m -> ((String) m.get("code")).matches("WG[1-4]")).toList()) {
            long taskId = ((Number) g.get("taskId")).longValue();
            groupToTask.put((String) g.get("name"), given().get("/api/v1/tasks/{id}", taskId).then().extract().path("code"));
        }
        assertThat(groupToTask).containsExactlyInAnyOrderEntriesOf(Map.of(
                "物流枢纽建设工作组", "N6", "职教基地建设工作组", "N8.2", "三馆设施建设工作组", "N9.1", "大气污染同治工作组", "N14.2"));
        List<String> zhuzhouLed = allNodes().stream().filter(n -> leadOf(n).startsWith("ZZ:")).map(n -> (String) n.get("code")).toList();
        assertThat(zhuzhouLed).containsExactlyInAnyOrder("N6", "N8.2", "N9.1", "N14.2");
    }

    @Test
    void leadingGroupRosterIsAnnexOne() {
        JsonPath lg = group("LEADING_GROUP", "株洲市推进长株潭城市群一体化发展工作领导小组");
        assertThat(lg.getList("members")).hasSize(33);
        assertThat(seat(lg, 0)).isEqualTo("FIRST_LEADER 毛腾飞 市委书记、市人大常委会主任");
        assertThat(seat(lg, 1)).isEqualTo("LEADER 阳卫国 市委副书记、市人民政府市长");
        assertThat(lg.getList("members.findAll { it.role == 'DEPUTY_LEADER' }.currentHolder.name"))
                .containsExactly("何剑波", "黄芳", "杨胜跃", "谭可敏", "顾峰", "何朝晖");
        assertThat(lg.getList("members.findAll { it.role == 'MEMBER' }")).hasSize(25);
        assertThat(lg.getList("members.currentHolder.name")).contains("蒋湘晖", "罗春风", "陈诚");
        assertThat(lg.getString("members.find { it.currentHolder.name == '蒋湘晖' }.positionTitle"))
                .isEqualTo("市委组织部副部长、市人力资源和社会保障局局长");
    }

    @Test
    void officeSitsAtTheDevelopmentAndReformCommission() {
        JsonPath office = group("OFFICE", "株洲市推进长株潭城市群一体化发展工作领导小组办公室");
        assertThat(office.getString("hostUnit.name")).isEqualTo("株洲市发展和改革委员会");
        assertThat(office.getList("members").stream().map(m -> seatOf((Map<String, Object>) m)).toList()).containsExactly(
                "OFFICE_DIRECTOR 何剑波 市委常委、市人民政府常务副市长",
                "OFFICE_DEPUTY_DIRECTOR 向平 市发展和改革委员会主任",
                "OFFICE_DEPUTY_DIRECTOR 刘湘元 市“两型社会”建设综合配套改革办公室主任");
    }

    @Test
    void workingGroupRostersMatchAnnexOne() {
        assertThat(group("WORKING_GROUP", "物流枢纽建设工作组").getList("members.currentHolder.name")).containsExactly(
                "何剑波", "李必农", "向平", "张国民", "邓小荣", "谭家利", "曹阳", "胡志明", "陈朝阳", "向平");
        assertThat(group("WORKING_GROUP", "职教基地建设工作组").getList("members.currentHolder.name")).containsExactly(
                "杨胜跃", "董小平", "吴安浩", "张勇", "刘桃珍", "谭家利", "曹阳", "钟立军", "徐晓芳", "吴安浩");
        assertThat(group("WORKING_GROUP", "三馆设施建设工作组").getList("members.currentHolder.name")).containsExactly(
                "杨胜跃", "董小平", "杨小幼", "张勇", "刘桃珍", "谭家利", "郭敏", "谢春利", "杨小幼");
        JsonPath air = group("WORKING_GROUP", "大气污染同治工作组");
        assertThat(air.getList("members.currentHolder.name")).containsExactly(
                "何朝晖", "周南洋", "彭小中", "梁国荣", "陈方照", "付深根", "何长顺", "彭小中");
        assertThat(air.getString("hostUnit.name")).isEqualTo("株洲市生态环境局");
    }

    @Test
    void noDefacedTextAnywhereInTheDatabase() throws Exception {
        List<String> hits = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select table_name, column_name from information_schema.columns "
                    + "where table_schema = database() and data_type in ('varchar', 'text', 'char', 'longtext', 'mediumtext')")) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            assertThat(columns).hasSizeGreaterThan(20);
            for (String[] col : columns) {
                // Byte comparison: a unicode collation would equate U+00A0 with an ordinary space.
                String bytes = "convert(`" + col[1] + "` using binary)";
                try (ResultSet rs = s.executeQuery("select count(*) from `" + col[0] + "` where instr(" + bytes
                        + ", convert('天下足球网' using binary)) > 0 or instr(" + bytes + ", x'C2A0') > 0")) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        hits.add(col[0] + "." + col[1]);
                    }
                }
            }
        }
        assertThat(hits).isEmpty();
        assertThat(tree.prettify()).doesNotContain(PlanImporter.DEFACEMENT).contains("株洲");
    }

    @Test
    void importerRefusesDefacedText() {
        var node = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                .put("title", "长株潭城市群一体化发展天下足球网:市行动方案");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PlanImporter.requireClean(node))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("defacement");
    }

    @Test
    void secondStartAddsNothing() {
        long tasksBefore = given().get("/api/v1/tasks").then().extract().jsonPath().getLong("totalItems");
        long unitsBefore = given().get("/api/v1/units").then().extract().jsonPath().getLong("totalItems");
        assertThat(importer.importIfEmpty()).isFalse();
        assertThat(given().get("/api/v1/tasks").then().extract().jsonPath().getLong("totalItems")).isEqualTo(tasksBefore);
        assertThat(given().get("/api/v1/units").then().extract().jsonPath().getLong("totalItems")).isEqualTo(unitsBefore);
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    static List<Map<String, Object>> allNodes() {
        List<Map<String, Object>> out = new ArrayList<>();
        collect(tree.getList("tasks"), out);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void collect(List<?> nodes, List<Map<String, Object>> out) {
        for (Object o : nodes) {
            Map<String, Object> n = (Map<String, Object>) o;
            out.add(n);
            collect((List<?>) n.get("children"), out);
        }
    }

    private static List<Object> childCodes(String code) {
        Map<String, Object> node = allNodes().stream().filter(n -> code.equals(n.get("code"))).findFirst().orElseThrow();
        return ((List<Map<String, Object>>) node.get("children")).stream().map(c -> c.get("code")).toList();
    }

    @SuppressWarnings("unchecked")
    private static String leadOf(Map<String, Object> node) {
        Map<String, Object> lead = (Map<String, Object>) node.get("crossCityLead");
        if (lead == null) {
            return "";
        }
        String city = (String) ((Map<String, Object>) lead.get("city")).get("code");
        return city + ":" + ((List<Map<String, Object>>) lead.get("units")).stream().map(u -> (String) u.get("name"))
                .collect(Collectors.joining(","));
    }

    private static JsonPath group(String kind, String name) {
        long id = given().queryParam("kind", kind).get("/api/v1/groups").then().statusCode(200).extract().jsonPath()
                .getLong("items.find { it.name == '" + name + "' }.id");
        return given().get("/api/v1/groups/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    private static String seat(JsonPath group, int index) {
        return seatOf(group.getMap("members[" + index + "]"));
    }

    @SuppressWarnings("unchecked")
    private static String seatOf(Map<String, Object> m) {
        return m.get("role") + " " + ((Map<String, Object>) m.get("currentHolder")).get("name") + " " + m.get("positionTitle");
    }
}
