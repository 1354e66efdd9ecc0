package org.yrd.platform.agreement.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yrd.platform.agreement.Api.staff;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.yrd.platform.agreement.Api;
import org.yrd.platform.agreement.Api.Response;
import org.yrd.platform.agreement.IntegrationTestBase;

/** Each kind of bad input is a 400 problem+json naming the field, and nothing is stored. */
class BadInputIntegrationTest extends IntegrationTestBase {

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;

    Api api;
    String a;
    String b;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        a = api.post("/api/v1/organizations", staff(),
                "{\"name\":{\"en-US\":\"Party A\"},\"type\":\"UNIVERSITY\",\"region\":\"320506\"}").id();
        b = api.post("/api/v1/organizations", staff(),
                "{\"name\":{\"en-US\":\"Party B\"},\"type\":\"ENTERPRISE\",\"region\":\"330402\"}").id();
    }

    @Test
    void anUnknownRegionIsRefused() throws Exception {
        long before = mongo.count(new org.springframework.data.mongodb.core.query.Query(), "organizations");
        assertRefused(api.post("/api/v1/organizations", staff(),
                "{\"name\":{\"en-US\":\"Nowhere Ltd\"},\"type\":\"ENTERPRISE\",\"region\":\"999999\"}"), "region");
        assertRefused(api.post("/api/v1/organizations", staff(),
                "{\"name\":{\"en-US\":\"Province Ltd\"},\"type\":\"ENTERPRISE\",\"region\":\"320000\"}"), "region");
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), "organizations"))
                .isEqualTo(before);
    }

    @Test
    void anUnknownOrganizationAsPartyIsRefused() throws Exception {
        assertNothingStored(agreement("[{\"organizationId\":\"%s\"},{\"organizationId\":\"org-nope\"}]"
                .formatted(a), "", "\"effectiveFrom\":\"2020-01-01\""), "parties[1].organizationId");
    }

    @Test
    void aPartyListedTwiceIsRefused() throws Exception {
        assertNothingStored(agreement("[{\"organizationId\":\"%s\"},{\"organizationId\":\"%s\"}]"
                .formatted(a, a), "", "\"effectiveFrom\":\"2020-01-01\""), "parties[1].organizationId");
    }

    @Test
    void aSinglePartyIsRefused() throws Exception {
        assertNothingStored(agreement("[{\"organizationId\":\"%s\"}]".formatted(a), "",
                "\"effectiveFrom\":\"2020-01-01\""), "parties");
    }

    @Test
    void anEmptyTitleInBothLanguagesIsRefused() throws Exception {
        assertNothingStored(api.post("/api/v1/agreements", staff(), """
                {"title": {"zh-CN": "", "en-US": "   "}, "type": "WORK_PLAN", "effectiveFrom": "2020-01-01",
                 "parties": [{"organizationId": "%s"}, {"organizationId": "%s"}]}""".formatted(a, b)), "title");
    }

    @Test
    void effectiveToBeforeEffectiveFromIsRefused() throws Exception {
        assertNothingStored(agreement(parties(), "", "\"effectiveFrom\":\"2020-01-01\",\"effectiveTo\":\"2019-12-31\""),
                "effectiveTo");
    }

    @Test
    void aDateAsAnEpochNumberIsRefused() throws Exception {
        assertNothingStored(agreement(parties(), "", "\"effectiveFrom\":-1"), "effectiveFrom");
    }

    @Test
    void aBranchCenterHostedOutsideThePartiesIsRefused() throws Exception {
        assertNothingStored(api.post("/api/v1/agreements", staff(), """
                {"title": {"en-US": "Branch"}, "type": "BRANCH_CENTER_ESTABLISHMENT", "effectiveFrom": "2020-01-01",
                 "parties": [{"organizationId": "%s"}, {"organizationId": "%s"}],
                 "branchCenter": {"name": {"en-US": "X"}, "region": "320509", "hostOrganizationId": "org-other"}}
                """.formatted(a, b)), "branchCenter.hostOrganizationId");
        assertNothingStored(api.post("/api/v1/agreements", staff(), """
                {"title": {"en-US": "Branch"}, "type": "BRANCH_CENTER_ESTABLISHMENT", "effectiveFrom": "2020-01-01",
                 "parties": [{"organizationId": "%s"}, {"organizationId": "%s"}]}""".formatted(a, b)), "branchCenter");
    }

    @Test
    void mongoOperatorsInStringFieldsAreRefused() throws Exception {
        assertNothingStored(api.post("/api/v1/agreements", staff(), """
                {"title": {"en-US": {"$gt": ""}}, "type": "WORK_PLAN", "effectiveFrom": "2020-01-01",
                 "parties": [{"organizationId": {"$ne": null}}, {"organizationId": "%s"}]}""".formatted(b)), null);
        assertNothingStored(api.post("/api/v1/agreements", staff(), """
                {"title": {"$where": "sleep(1000)"}, "type": "WORK_PLAN", "effectiveFrom": "2020-01-01",
                 "parties": [{"organizationId": "%s"}, {"organizationId": "%s"}]}""".formatted(a, b)), "title");
        Response lookup = api.get("/api/v1/agreements?organizationId[$ne]=x", null);
        assertThat(lookup.status()).isIn(200, 400);
    }

    @Test
    void oversizedStringsAreRefused() throws Exception {
        String huge = "x".repeat(5000);
        assertNothingStored(api.post("/api/v1/agreements", staff(), """
                {"title": {"en-US": "%s"}, "type": "WORK_PLAN", "effectiveFrom": "2020-01-01",
                 "parties": [{"organizationId": "%s", "role": "%s"}, {"organizationId": "%s"}]}"""
                .formatted(huge, a, huge, b)), "title");
    }

    @Test
    void signingWithoutASignatoryForEveryPartyIsRefused() throws Exception {
        Response draft = agreement(parties(), "", "\"effectiveFrom\":\"2020-01-01\"");
        assertThat(draft.status()).isEqualTo(201);
        Response refused = api.post("/api/v1/agreements/" + draft.id() + "/sign", staff(), """
                {"signedAt": "2020-01-02T00:00:00Z", "place": "Jiaxing",
                 "signatories": [{"name": "A", "title": "Dean", "organizationId": "%s"},
                                 {"name": "C", "title": "CEO", "organizationId": "org-outsider"}]}""".formatted(a));
        assertThat(refused.status()).isEqualTo(400);
        assertThat((java.util.List<String>) refused.json("$.errors[*].field"))
                .contains("signatories[1].organizationId", "signatories");
        assertThat((String) api.get("/api/v1/agreements/" + draft.id(), staff()).json("$.status")).isEqualTo("DRAFT");
    }

    private String parties() {
        return "[{\"organizationId\":\"%s\"},{\"organizationId\":\"%s\"}]".formatted(a, b);
    }

    private Response agreement(String parties, String extra, String dates) throws Exception {
        return api.post("/api/v1/agreements", staff(), "{\"title\":{\"en-US\":\"Plan\"},\"type\":\"WORK_PLAN\","
                + "\"parties\":" + parties + extra + "," + dates + "}");
    }

    private void assertNothingStored(Response response, String field) throws Exception {
        long before = mongo.count(new org.springframework.data.mongodb.core.query.Query(), "agreements");
        assertRefused(response, field);
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), "agreements")).isEqualTo(before);
    }

    private static void assertRefused(Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("\"status\":400").doesNotContain("Exception", "java.");
        if (field != null) {
            assertThat((java.util.List<String>) response.json("$.errors[*].field")).contains(field);
        }
    }
}
