package org.yrd.platform.agreement.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.yrd.platform.agreement.Api.partner;
import static org.yrd.platform.agreement.Api.staff;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.yrd.platform.agreement.Api;
import org.yrd.platform.agreement.Api.Response;
import org.yrd.platform.agreement.IntegrationTestBase;
import org.yrd.platform.commons.events.EventCodec;
import org.yrd.platform.commons.testing.TopicRecorder;
import org.yrd.platform.events.EventEnvelope;
import org.yrd.platform.events.agreement.AgreementSigned;
import tools.jackson.databind.JsonNode;

/** The founding story through the HTTP API, with the events checked on the real broker. */
class AgreementFlowIntegrationTest extends IntegrationTestBase {

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    AgreementScheduler scheduler;

    Api api;
    String qingpu;
    String wujiang;
    String jiashan;
    String ntme;
    String fenhu;

    TopicRecorder recorder;

    @BeforeEach
    void registerTheFoundingOrganizations() throws Exception {
        api = new Api(mvc);
        recorder = recorder();
        qingpu = organization("上海市青浦区人民政府", "Qingpu District Government", "GOVERNMENT", "310118");
        wujiang = organization("苏州市吴江区人民政府", "Wujiang District Government", "GOVERNMENT", "320509");
        jiashan = organization("嘉善县人民政府", "Jiashan County Government", "GOVERNMENT", "330421");
        ntme = organization("国家技术转移东部中心", "National Technology Transfer Eastern Center",
                "TECH_TRANSFER_CENTER", "310115");
        fenhu = organization("汾湖高新区经济发展局", "Economic Development Bureau of Fenhu Hi-Tech Zone",
                "GOVERNMENT", "320509");
    }

    @Test
    void theWorkPlanIsDraftedSignedAndActivatedAndEachEventIsPublishedOnce() throws Exception {
        String plan = draftWorkPlan();
        Response signed = sign(plan, List.of(qingpu, wujiang, jiashan));
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        assertThat((String) signed.json("$.status")).isEqualTo("SIGNED");
        assertThat((String) signed.json("$.place")).isEqualTo("Qingpu, Shanghai");
        Response active = api.post("/api/v1/agreements/" + plan + "/activate", staff(), null);
        assertThat((String) active.json("$.status")).isEqualTo("ACTIVE");

        await().atMost(Duration.ofSeconds(20)).until(() -> recorder.about(plan).size() == 2);
        List<EventEnvelope<JsonNode>> events = recorder.about(plan);
        assertThat(events).extracting(EventEnvelope::type).containsExactly("AgreementSigned", "AgreementActivated");
        AgreementSigned payload = EventCodec.payload(events.get(0), AgreementSigned.class);
        assertThat(payload.parties()).extracting(p -> p.name().get("en-US"))
                .containsExactly("Qingpu District Government", "Wujiang District Government",
                        "Jiashan County Government");
        assertThat(payload.parties()).extracting(p -> p.region()).containsExactly("310118", "320509", "330421");
        assertThat(payload.cooperationAreas()).contains("PLANNING", "CULTURE_TOURISM");
        assertThat(payload.signatories()).hasSize(3);
        assertThat(events.get(0).aggregateVersion()).isEqualTo(2);
        assertThat(events.get(1).aggregateVersion()).isEqualTo(3);
        assertThat(recorder.of("OrganizationRegistered", qingpu)).hasSize(1);
    }

    @Test
    void theFenhuBranchCenterFrameworkCarriesTheBranchCenter() throws Exception {
        Response draft = api.post("/api/v1/agreements", staff(), """
                {"title": {"zh-CN": "国家技术转移东部中心汾湖分中心建设合作框架协议",
                           "en-US": "Cooperation Framework Agreement for the Establishment of the NTME Fenhu Branch Center"},
                 "type": "BRANCH_CENTER_ESTABLISHMENT",
                 "parties": [{"organizationId": "%s", "role": "founder"}, {"organizationId": "%s", "role": "host"}],
                 "cooperationAreas": ["SCIENCE_TECHNOLOGY"], "effectiveFrom": "2019-07-23", "effectiveTo": "2029-07-22",
                 "branchCenter": {"name": {"zh-CN": "国家技术转移东部中心汾湖分中心", "en-US": "NTME Fenhu Branch Center"},
                                  "region": "320509", "hostOrganizationId": "%s"}}
                """.formatted(ntme, fenhu, fenhu));
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        Response signed = api.post("/api/v1/agreements/" + draft.id() + "/sign", staff(), """
                {"signedAt": "2019-07-23T02:00:00Z", "place": "Qingpu, Shanghai", "signatories": [
                  {"name": "Zou Shujun", "title": "Executive Vice President", "organizationId": "%s"},
                  {"name": "Wu Weibin", "title": "Director, Economic Development Bureau", "organizationId": "%s"}]}
                """.formatted(ntme, fenhu));
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> recorder.of("AgreementSigned", draft.id()).size() == 1);
        AgreementSigned payload = EventCodec.payload(recorder.of("AgreementSigned", draft.id()).get(0),
                AgreementSigned.class);
        assertThat(payload.branchCenter().region()).isEqualTo("320509");
        assertThat(payload.branchCenter().hostOrganizationId()).isEqualTo(fenhu);
    }

    @Test
    void anonymousCallersSeeSignedAgreementsAndNoDraftsAndPartnersOnlyTheirOwnDrafts() throws Exception {
        String signedPlan = draftWorkPlan();
        sign(signedPlan, List.of(qingpu, wujiang, jiashan));
        String draft = draftWorkPlan();

        assertThat(api.get("/api/v1/agreements/" + signedPlan, null).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/agreements/" + draft, null).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/agreements/" + draft, partner(ntme)).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/agreements/" + draft, partner(qingpu)).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/agreements/" + draft, staff()).status()).isEqualTo(200);

        List<String> anonymousIds = api.get("/api/v1/agreements?size=100", null).json("$.content[*].id");
        assertThat(anonymousIds).contains(signedPlan).doesNotContain(draft);
        assertThat((List<String>) api.get("/api/v1/agreements?size=100", null).json("$.content[*].status"))
                .doesNotContain("DRAFT");
        List<String> partnerIds = api.get("/api/v1/agreements?size=100", partner(ntme)).json("$.content[*].id");
        assertThat(partnerIds).contains(signedPlan).doesNotContain(draft);
        List<String> partyIds = api.get("/api/v1/agreements?size=100", partner(jiashan)).json("$.content[*].id");
        assertThat(partyIds).contains(signedPlan, draft);
    }

    @Test
    void filtersWorkOnAnyRegionLevelOrganizationAreaTypeAndStatus() throws Exception {
        String plan = draftWorkPlan();
        sign(plan, List.of(qingpu, wujiang, jiashan));
        assertThat(ids("region=320000")).contains(plan);
        assertThat(ids("region=320500")).contains(plan);
        assertThat(ids("region=330421")).contains(plan);
        assertThat(ids("region=440305")).doesNotContain(plan);
        assertThat(ids("organizationId=" + wujiang)).contains(plan);
        assertThat(ids("organizationId=" + ntme)).doesNotContain(plan);
        assertThat(ids("area=CULTURE_TOURISM")).contains(plan);
        assertThat(ids("area=SOLID_WASTE")).doesNotContain(plan);
        assertThat(ids("type=WORK_PLAN&status=SIGNED")).contains(plan);
        assertThat(ids("status=ACTIVE")).doesNotContain(plan);
        assertThat(api.get("/api/v1/agreements?status=SIGNING", null).status()).isEqualTo(400);
        Response page = api.get("/api/v1/agreements?size=1&page=0&sort=effectiveFrom,desc", null);
        assertThat((Integer) page.json("$.page.size")).isEqualTo(1);
        assertThat((Integer) page.json("$.page.totalElements")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void illegalTransitionsAreConflicts() throws Exception {
        String plan = draftWorkPlan();
        assertThat(api.post("/api/v1/agreements/" + plan + "/activate", staff(), null).status()).isEqualTo(409);
        assertThat(api.post("/api/v1/agreements/" + plan + "/terminate", staff(), "{\"reason\":\"x\"}").status())
                .isEqualTo(409);
        sign(plan, List.of(qingpu, wujiang, jiashan));
        assertThat(sign(plan, List.of(qingpu, wujiang, jiashan)).status()).isEqualTo(409);
        assertThat(api.put("/api/v1/agreements/" + plan, staff(), "\"2\"", workPlanJson()).status()).isEqualTo(409);
        assertThat(api.post("/api/v1/agreements/" + plan + "/terminate", staff(), "{\"reason\":\"superseded\"}")
                .status()).isEqualTo(200);
        assertThat(api.post("/api/v1/agreements/" + plan + "/activate", staff(), null).status()).isEqualTo(409);
        await().atMost(Duration.ofSeconds(20)).until(() -> recorder.of("AgreementTerminated", plan).size() == 1);
    }

    @Test
    void aConcurrentEditWithAStaleVersionIsAConflict() throws Exception {
        String plan = draftWorkPlan();
        Response first = api.put("/api/v1/agreements/" + plan, staff(), "\"1\"", workPlanJson());
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.etag()).isEqualTo("\"2\"");
        Response stale = api.put("/api/v1/agreements/" + plan, staff(), "\"1\"", workPlanJson());
        assertThat(stale.status()).isEqualTo(409);
        assertThat(api.put("/api/v1/agreements/" + plan, staff(), null, workPlanJson()).status()).isEqualTo(428);
    }

    @Test
    void milestonesAreValidatedCompletedOnceAndOverdueReportedOnce() throws Exception {
        String plan = draftWorkPlan();
        sign(plan, List.of(qingpu, wujiang, jiashan));
        Response tooEarly = api.post("/api/v1/agreements/" + plan + "/milestones", staff(),
                "{\"title\":{\"en-US\":\"Before\"},\"dueDate\":\"2019-01-01\"}");
        assertThat(tooEarly.status()).isEqualTo(400);
        assertThat((String) tooEarly.json("$.errors[0].field")).isEqualTo("dueDate");
        Response added = api.post("/api/v1/agreements/" + plan + "/milestones", staff(),
                "{\"title\":{\"zh-CN\":\"联合规划编制\",\"en-US\":\"Joint planning draft\"},\"dueDate\":\"2019-10-31\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat((Boolean) added.json("$.milestones[0].overdue")).isTrue();
        assertThat((Integer) added.json("$.overdueMilestones")).isEqualTo(1);
        String milestone = added.json("$.milestones[0].id");

        scheduler.scanOnce();
        scheduler.scanOnce();
        await().atMost(Duration.ofSeconds(20)).until(() -> recorder.of("MilestoneOverdue", plan).size() == 1);

        Response done = api.post("/api/v1/agreements/" + plan + "/milestones/" + milestone + "/complete", staff(), null);
        assertThat((Boolean) done.json("$.milestones[0].completed")).isTrue();
        assertThat((Boolean) done.json("$.milestones[0].overdue")).isFalse();
        assertThat(api.post("/api/v1/agreements/" + plan + "/milestones/" + milestone + "/complete", staff(), null)
                .status()).isEqualTo(409);
        assertThat(api.post("/api/v1/agreements/" + plan + "/milestones/nope/complete", staff(), null).status())
                .isEqualTo(404);
        Thread.sleep(500);
        assertThat(recorder.of("MilestoneOverdue", plan)).hasSize(1);
    }

    @Test
    void anAgreementPastItsEndExpiresOnce() throws Exception {
        Response draft = api.post("/api/v1/agreements", staff(), """
                {"title": {"en-US": "2019 work plan (short)"}, "type": "WORK_PLAN",
                 "parties": [{"organizationId": "%s"}, {"organizationId": "%s"}],
                 "effectiveFrom": "2019-07-23", "effectiveTo": "2019-12-31"}
                """.formatted(qingpu, wujiang));
        sign(draft.id(), List.of(qingpu, wujiang));
        scheduler.scanOnce();
        scheduler.scanOnce();
        assertThat((String) api.get("/api/v1/agreements/" + draft.id(), null).json("$.status")).isEqualTo("EXPIRED");
        await().atMost(Duration.ofSeconds(20)).until(() -> recorder.of("AgreementExpired", draft.id()).size() == 1);
        Thread.sleep(500);
        assertThat(recorder.of("AgreementExpired", draft.id())).hasSize(1);
    }

    @Test
    void onlyStaffMayWrite() throws Exception {
        assertThat(api.post("/api/v1/agreements", null, workPlanJson()).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/agreements", partner(qingpu), workPlanJson()).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/organizations", partner(qingpu),
                "{\"name\":{\"en-US\":\"X\"},\"type\":\"ENTERPRISE\",\"region\":\"310118\"}").status()).isEqualTo(403);
    }

    @Test
    void organizationsAreUpdatedWithIfMatchAndPublishUpdates() throws Exception {
        Response current = api.get("/api/v1/organizations/" + ntme, null);
        assertThat(current.etag()).isEqualTo("\"1\"");
        String body = "{\"name\":{\"zh-CN\":\"国家技术转移东部中心\",\"en-US\":\"NTME\"},\"type\":\"TECH_TRANSFER_CENTER\","
                + "\"region\":\"310104\"}";
        Response updated = api.put("/api/v1/organizations/" + ntme, staff(), "\"1\"", body);
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat((String) updated.json("$.regionInfo.nameEn")).isEqualTo("Xuhui District");
        assertThat(api.put("/api/v1/organizations/" + ntme, staff(), "\"1\"", body).status()).isEqualTo(409);
        await().atMost(Duration.ofSeconds(20)).until(() -> recorder.of("OrganizationUpdated", ntme).size() == 1);
        assertThat(ids("/api/v1/organizations?region=310000&size=100", true)).contains(ntme, qingpu)
                .doesNotContain(wujiang);
        assertThat(ids("/api/v1/organizations?type=TECH_TRANSFER_CENTER&size=100", true)).contains(ntme)
                .doesNotContain(qingpu);
    }

    private String organization(String zh, String en, String type, String region) throws Exception {
        Response response = api.post("/api/v1/organizations", staff(), """
                {"name": {"zh-CN": "%s", "en-US": "%s"}, "type": "%s", "region": "%s"}
                """.formatted(zh, en, type, region));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.id();
    }

    private String workPlanJson() {
        return """
                {"title": {"zh-CN": "青浦、吴江、嘉善2019年一体化发展工作计划",
                           "en-US": "2019 Integration Development Work Plan of Qingpu, Wujiang and Jiashan"},
                 "type": "WORK_PLAN",
                 "parties": [{"organizationId": "%s"}, {"organizationId": "%s"}, {"organizationId": "%s"}],
                 "cooperationAreas": ["PLANNING", "INDUSTRIAL_DEVELOPMENT", "INFRASTRUCTURE", "PUBLIC_SERVICES",
                                      "ECOLOGY_ENVIRONMENT", "CULTURE_TOURISM"],
                 "summary": {"en-US": "The three places join hands for the integrated development of the Delta."},
                 "effectiveFrom": "2019-07-23", "effectiveTo": "2099-12-31"}
                """.formatted(qingpu, wujiang, jiashan);
    }

    private String draftWorkPlan() throws Exception {
        Response response = api.post("/api/v1/agreements", staff(), workPlanJson());
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat((String) response.json("$.status")).isEqualTo("DRAFT");
        return response.id();
    }

    private Response sign(String agreement, List<String> parties) throws Exception {
        StringBuilder signatories = new StringBuilder();
        for (String party : parties) {
            signatories.append(signatories.isEmpty() ? "" : ",")
                    .append("{\"name\":\"Signatory\",\"title\":\"Representative\",\"organizationId\":\"")
                    .append(party).append("\"}");
        }
        return api.post("/api/v1/agreements/" + agreement + "/sign", staff(),
                "{\"signedAt\":\"2019-07-23T02:00:00Z\",\"place\":\"Qingpu, Shanghai\",\"signatories\":["
                        + signatories + "]}");
    }

    private List<String> ids(String query) throws Exception {
        return ids("/api/v1/agreements?size=100&" + query, true);
    }

    private List<String> ids(String path, boolean asStaff) throws Exception {
        Response response = api.get(path, asStaff ? staff() : null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json("$.content[*].id");
    }

}
