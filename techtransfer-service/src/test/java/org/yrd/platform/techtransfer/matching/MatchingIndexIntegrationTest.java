package org.yrd.platform.techtransfer.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.yrd.platform.events.Topics;
import org.yrd.platform.events.agreement.AgreementSigned;
import org.yrd.platform.events.agreement.PartyRef;
import org.yrd.platform.techtransfer.support.TechTransferIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The long-lived index against the real store and broker: it follows every write at once, converges with writes
 * it did not see (another instance's), survives rebuilds and replays without duplicates, and ranks across
 * languages through HTTP. Each test uses a topic of its own so the other tests' offers do not interfere.
 */
class MatchingIndexIntegrationTest extends TechTransferIntegrationTest {

    @Autowired
    MatchingIndexMaintainer maintainer;
    @Autowired
    IndexedMatchingEngine engine;

    static Map<String, Object> perovskiteOffer(String region) {
        Map<String, Object> body = offerBody("Perovskite", region);
        body.put("title", Map.of("zh-CN", "钙钛矿叠层太阳能电池", "en-US", "Perovskite tandem solar cells"));
        body.put("summary", Map.of("zh-CN", "钙钛矿与晶硅叠层电池的大面积涂布工艺",
                "en-US", "Large-area coating of perovskite on silicon tandem cells"));
        body.put("keywords", List.of("钙钛矿", "perovskite"));
        return body;
    }

    static Map<String, Object> perovskiteRequest(String region) {
        Map<String, Object> body = requestBody("Perovskite", region);
        body.put("title", Map.of("zh-CN", "钙钛矿叠层电池技术需求"));
        body.put("description", Map.of("zh-CN", "现有晶硅电池产线，希望引入钙钛矿叠层电池技术提升转换效率"));
        body.put("keywords", List.of("钙钛矿", "叠层电池"));
        body.put("budget", Map.of("min", 500000, "max", 10000000, "currency", "CNY"));
        return body;
    }

    String published(String kind, String organization, Map<String, Object> body) {
        String id = kind.equals("offers") ? submitOffer(partner(organization), body)
                : submitRequest(partner(organization), body);
        review(kind, id, "APPROVE", null).expect(200);
        return id;
    }

    List<String> offersFor(String request, String organization) {
        JsonNode ranked = call(get(API + "/requests/" + request + "/matches").param("limit", "50"),
                partner(organization)).expect(200).body();
        List<String> ids = new ArrayList<>();
        ranked.forEach(item -> ids.add(item.get("offerId").asString()));
        return ids;
    }

    @Test
    void aWrittenStateIsInTheRankingAtOnceAndAWithdrawnOfferLeavesIt() {
        String a = organization("FreshA", "320583");
        String b = organization("FreshB", "330402");
        String request = published("requests", b, perovskiteRequest("330402"));
        String offer = published("offers", a, perovskiteOffer("320583"));
        assertThat(offersFor(request, b)).contains(offer);
        postAs(partner(a), API + "/offers/" + offer + "/withdraw", null).expect(200);
        assertThat(offersFor(request, b)).doesNotContain(offer);
    }

    @Test
    void aChineseOnlyRequestFindsEnglishOnlyAndBilingualOffersWithReasonsInBothLanguages() {
        String a = organization("LangA", "320106");
        String b = organization("LangB", "340104");
        Map<String, Object> english = perovskiteOffer("320106");
        english.put("title", Map.of("en-US", "Perovskite precursor materials"));
        english.put("summary", Map.of("en-US", "High-purity lead iodide for perovskite photovoltaics"));
        english.put("keywords", List.of("perovskite"));
        String englishOffer = published("offers", a, english);
        String bilingualOffer = published("offers", a, perovskiteOffer("320106"));
        String request = published("requests", b, perovskiteRequest("340104"));
        assertThat(offersFor(request, b)).contains(englishOffer, bilingualOffer);

        JsonNode zh = call(get(API + "/requests/" + request + "/matches").param("limit", "50")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"), partner(b)).expect(200).body();
        JsonNode en = call(get(API + "/requests/" + request + "/matches").param("limit", "50")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en-US"), partner(b)).expect(200).body();
        assertThat(item(zh, englishOffer).get("reasons").toString()).contains("共同词语：钙钛矿");
        assertThat(item(en, englishOffer).get("reasons").toString()).contains("Shared terms: perovskite");
        JsonNode factors = item(en, englishOffer).get("factors");
        assertThat(factors.size()).isEqualTo(7);
        assertThat(factors.get(0).get("factor").asString()).isEqualTo("TEXT");
        assertThat(factors.get(0).get("contribution").asDouble()).isPositive();

        // and the other way round: an English-only request finds a Chinese-only offer
        Map<String, Object> chinese = perovskiteOffer("320106");
        chinese.put("title", Map.of("zh-CN", "钙钛矿前驱体材料"));
        chinese.put("summary", Map.of("zh-CN", "钙钛矿光伏用高纯碘化铅"));
        chinese.put("keywords", List.of("钙钛矿"));
        String chineseOffer = published("offers", a, chinese);
        Map<String, Object> englishNeed = perovskiteRequest("340104");
        englishNeed.put("title", Map.of("en-US", "Perovskite tandem technology"));
        englishNeed.put("description", Map.of("en-US", "We want perovskite tandem cells on our silicon line"));
        englishNeed.put("keywords", List.of("perovskite"));
        String englishRequest = published("requests", b, englishNeed);
        assertThat(offersFor(englishRequest, b)).contains(chineseOffer);
    }

    @Test
    void rebuildsAndReplaysNeitherDuplicateNorLoseEntries() {
        String a = organization("RebuildA", "330106");
        String b = organization("RebuildB", "330402");
        String first = published("offers", a, perovskiteOffer("330106"));
        String second = published("offers", a, perovskiteOffer("330106"));
        String request = published("requests", b, perovskiteRequest("330402"));
        List<String> before = offersFor(request, b);
        int size = engine.index(Listing.Side.OFFER).size();
        assertThat(before).contains(first, second);

        // a restart's rebuild and a replay of every change over the running index
        maintainer.rebuild();
        maintainer.rebuild();
        maintainer.catchUp();
        assertThat(engine.index(Listing.Side.OFFER).size()).isEqualTo(size);
        assertThat(offersFor(request, b)).isEqualTo(before);
        assertThat(maintainer.reconcile()).isZero();
    }

    @Test
    void writesOfAnotherInstanceArriveThroughTheStore() {
        String a = organization("OtherA", "310118");
        String b = organization("OtherB", "320509");
        String request = published("requests", b, perovskiteRequest("320509"));
        String offer = published("offers", a, perovskiteOffer("310118"));
        assertThat(offersFor(request, b)).contains(offer);

        // another instance withdraws the offer: the store changes, this instance is not told
        withdrawBehindTheIndex(offer, Instant.now());
        assertThat(offersFor(request, b)).as("not seen yet").contains(offer);
        assertThat(maintainer.catchUp()).isPositive();
        assertThat(offersFor(request, b)).doesNotContain(offer);

        // and publishes a new one
        String copy = "off-" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        Document document = mongo.getCollection("offers").find(new Document("_id", offer)).first();
        document.put("_id", copy);
        document.put("status", "PUBLISHED");
        document.put("version", 1L);
        document.put("updatedAt", new Date());
        mongo.getCollection("offers").insertOne(document);
        maintainer.catchUp();
        assertThat(offersFor(request, b)).contains(copy);
    }

    @Test
    void aWriteTheCatchUpMissedIsRepairedByTheReconciliation() {
        String a = organization("RepairA", "310118");
        String b = organization("RepairB", "320509");
        String request = published("requests", b, perovskiteRequest("320509"));
        String offer = published("offers", a, perovskiteOffer("310118"));
        // stamped long before the catch-up looks (a clock far behind): only the full comparison finds it
        withdrawBehindTheIndex(offer, Instant.now().minus(Duration.ofDays(1)));
        maintainer.catchUp();
        assertThat(offersFor(request, b)).contains(offer);
        assertThat(maintainer.reconcile()).isPositive();
        assertThat(offersFor(request, b)).doesNotContain(offer);
    }

    @Test
    void anAgreementSignedOnAgreementsV1LinksThePairAndIsNamed() {
        String a = organization("AgreeA", "320583");
        String b = organization("AgreeB", "330402");
        String offer = published("offers", a, perovskiteOffer("320583"));
        String request = published("requests", b, perovskiteRequest("330402"));
        String agreement = "agr-" + UUID.randomUUID();
        publish(Topics.AGREEMENTS, new AgreementSigned(agreement,
                Map.of("zh-CN", "2019年一体化工作计划", "en-US", "2019 integration work plan"), "WORK_PLAN",
                List.of(new PartyRef(a, Map.of(), "320583", null), new PartyRef(b, Map.of(), "330402", null)),
                List.of("SCIENCE_TECHNOLOGY"), List.of(), Instant.now(), "Jiashan", LocalDate.now(),
                LocalDate.now().plusYears(3), null), 2);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode ranked = call(get(API + "/requests/" + request + "/matches").param("limit", "50")
                    .header(HttpHeaders.ACCEPT_LANGUAGE, "en-US"), partner(b)).expect(200).body();
            assertThat(item(ranked, offer).get("reasons").toString())
                    .contains("Cooperation agreement: 2019 integration work plan (both organizations are parties)");
        });
    }

    @Test
    void theBuiltIndexIsPartOfReadiness() {
        JsonNode readiness = getAs(null, "/actuator/health/readiness").expect(200).body();
        JsonNode index = readiness.get("components").get("matchingIndex");
        assertThat(index.get("status").asString()).isEqualTo("UP");
        assertThat(index.get("details").get("offers").asInt()).isEqualTo(engine.index(Listing.Side.OFFER).size());
    }

    private void withdrawBehindTheIndex(String offer, Instant updatedAt) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(offer)), new Update().set("status", "WITHDRAWN")
                .inc("version", 1).set("updatedAt", updatedAt), "offers");
    }

    private static JsonNode item(JsonNode ranked, String offerId) {
        for (JsonNode item : ranked) {
            if (item.get("offerId").asString().equals(offerId)) {
                return item;
            }
        }
        throw new AssertionError(offerId + " is not ranked: " + ranked);
    }
}
