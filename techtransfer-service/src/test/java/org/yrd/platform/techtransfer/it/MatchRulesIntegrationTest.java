package org.yrd.platform.techtransfer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.yrd.platform.techtransfer.support.TechTransferIntegrationTest;
import tools.jackson.databind.JsonNode;

/** The rules around matches: one open match per pair, who answers, one deal per request, and the ranking's bounds. */
class MatchRulesIntegrationTest extends TechTransferIntegrationTest {

    @Test
    void oneOpenMatchPerRequestAndOfferUntilItCloses() {
        String a = organization("PairA", "310118");
        String b = organization("PairB", "320509");
        String offer = publishedOffer(a, "Pair electrolyte", "310118");
        String request = publishedRequest(b, "Pair need", "320509");
        Map<String, Object> interest = Map.of("requestId", request, "offerId", offer);

        String first = postAs(partner(b), API + "/matches", interest).expect(201).id();
        JsonNode conflict = postAs(partner(b), API + "/matches", interest).expect(409).body();
        assertThat(conflict.get("detail").asString()).contains(first);
        postAs(staff(), API + "/matches", interest).expect(409);

        JsonNode declined = postAs(partner(a), API + "/matches/" + first + "/decline",
                Map.of("reasonCode", "TOO_EARLY_STAGE", "text", "Come back next year")).expect(200).body();
        assertThat(declined.get("status").asString()).isEqualTo("DECLINED");
        assertThat(declined.get("decline").get("reasonCode").asString()).isEqualTo("TOO_EARLY_STAGE");
        assertThat(events().awaitEvent(first, "MatchDeclined")).isNotNull();
        // declining again, or accepting a declined match, is an illegal transition
        postAs(partner(a), API + "/matches/" + first + "/decline", Map.of("reasonCode", "OTHER")).expect(409);
        postAs(partner(a), API + "/matches/" + first + "/accept", null).expect(409);

        // the pair is free again once the first match closed
        String second = postAs(partner(b), API + "/matches", interest).expect(201).id();
        postAs(partner(b), API + "/matches/" + second + "/withdraw", null).expect(200);
        assertThat(events().awaitEvent(second, "MatchWithdrawn")).isNotNull();
        postAs(partner(b), API + "/matches", interest).expect(201);
    }

    @Test
    void interestNeedsTwoPublishedListingsOfDifferentOrganizations() {
        String a = organization("RuleA", "310118");
        String b = organization("RuleB", "320509");
        String offer = publishedOffer(a, "Rule electrolyte", "310118");
        String ownOffer = publishedOffer(b, "Own electrolyte", "320509");
        String submittedRequest = submitRequest(partner(b), requestBody("Unreviewed need", "320509"));
        String request = publishedRequest(b, "Reviewed need", "320509");

        postAs(partner(b), API + "/matches", Map.of("requestId", submittedRequest, "offerId", offer)).expect(409);
        JsonNode own = postAs(partner(b), API + "/matches", Map.of("requestId", request, "offerId", ownOffer))
                .expect(400).body();
        assertThat(own.get("errors").get(0).get("field").asString()).isEqualTo("offerId");

        postAs(partner(a), API + "/offers/" + offer + "/withdraw", null).expect(200);
        assertThat(events().awaitEvent(offer, "OfferWithdrawn")).isNotNull();
        // a withdrawn offer is no longer public: for B it does not exist any more
        postAs(partner(b), API + "/matches", Map.of("requestId", request, "offerId", offer)).expect(404);
        // staff see it, and are told it is not open for interest
        postAs(staff(), API + "/matches", Map.of("requestId", request, "offerId", offer)).expect(409);
    }

    @Test
    void aRequestTakesOneDealAndStaleVersionsAreRefused() {
        String a = organization("DealA", "310118");
        String c = organization("DealC", "330421");
        String b = organization("DealB", "320509");
        String offerA = publishedOffer(a, "Deal electrolyte", "310118");
        String offerC = publishedOffer(c, "Deal electrolyte too", "330421");
        String request = publishedRequest(b, "One deal only", "320509");
        String withA = postAs(partner(b), API + "/matches", Map.of("requestId", request, "offerId", offerA))
                .expect(201).id();
        String withC = postAs(partner(b), API + "/matches", Map.of("requestId", request, "offerId", offerC))
                .expect(201).id();

        postAs(staff(), API + "/matches/" + withA + "/close-deal", deal("2026-01-02T00:00:00Z")).expect(409);
        Response accepted = postAs(partner(a), API + "/matches/" + withA + "/accept", null).expect(200);
        assertThat(accepted.header(HttpHeaders.ETAG)).isEqualTo("\"2\"");
        postAs(partner(c), API + "/matches/" + withC + "/accept", null).expect(200);

        // a stale If-Match is a 409 and changes nothing
        call(post(API + "/matches/" + withA + "/close-deal").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.IF_MATCH, "\"1\"").content(JSON.writeValueAsString(deal("2026-01-02T00:00:00Z"))),
                staff()).expect(409);
        postAs(staff(), API + "/matches/" + withA + "/close-deal", deal("2999-01-01T00:00:00Z")).expect(400);
        call(post(API + "/matches/" + withA + "/close-deal").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.IF_MATCH, "\"2\"").content(JSON.writeValueAsString(deal("2026-01-02T00:00:00Z"))),
                staff()).expect(200);
        // the other negotiation of the same request can no longer become a deal
        postAs(staff(), API + "/matches/" + withC + "/close-deal", deal("2026-01-03T00:00:00Z")).expect(409);
        assertThat(getAs(staff(), API + "/matches/" + withC).body().get("status").asString())
                .isEqualTo("NEGOTIATING");
        postAs(partner(c), API + "/matches/" + withC + "/withdraw", null).expect(200);
        postAs(partner(b), API + "/requests/" + request + "/withdraw", null).expect(409);
    }

    @Test
    void theRankingLeavesOutOwnUnpublishedAndExpiredOffersAndHonoursTheLimit() {
        String a = organization("RankA", "310118");
        String b = organization("RankB", "320509");
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            published.add(publishedOffer(a, "Ranked electrolyte " + i, "310118"));
        }
        String unpublished = submitOffer(partner(a), offerBody("Unpublished electrolyte", "310118"));
        String ownOffer = publishedOffer(b, "Own electrolyte", "320509");
        String request = publishedRequest(b, "Ranked need for electrolyte", "320509");

        JsonNode all = call(get(API + "/requests/" + request + "/matches").param("limit", "50"), partner(b))
                .expect(200).body();
        List<String> ids = new ArrayList<>();
        all.forEach(item -> ids.add(item.get("offerId").asString()));
        assertThat(ids).containsAll(published).doesNotContain(unpublished, ownOffer);
        double previous = Double.MAX_VALUE;
        for (JsonNode item : all) {
            assertThat(item.get("score").asDouble()).isLessThanOrEqualTo(previous);
            previous = item.get("score").asDouble();
        }
        JsonNode two = call(get(API + "/requests/" + request + "/matches").param("limit", "2"), staff())
                .expect(200).body();
        assertThat(two.size()).isEqualTo(2);
        // staff see the requester's view: still never the requester's own offers
        two.forEach(item -> assertThat(item.get("offerId").asString()).isNotEqualTo(ownOffer));

        JsonNode forOffer = call(get(API + "/offers/" + published.get(0) + "/matches")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN,zh;q=0.9"), partner(a)).expect(200).body();
        List<String> requestIds = new ArrayList<>();
        forOffer.forEach(item -> requestIds.add(item.get("requestId").asString()));
        assertThat(requestIds).contains(request);
        assertThat(forOffer.get(requestIds.indexOf(request)).get("reasons").toString()).contains("同属技术领域");
    }

    private static Map<String, Object> deal(String signedAt) {
        return Map.of("mode", "ASSIGNMENT", "value", Map.of("amount", 800000, "currency", "CNY"),
                "signedAt", signedAt);
    }
}
