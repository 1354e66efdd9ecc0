package org.yrd.platform.techtransfer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.yrd.platform.commons.events.EventCodec;
import org.yrd.platform.events.techtransfer.DealClosed;
import org.yrd.platform.events.techtransfer.MatchProposed;
import org.yrd.platform.events.techtransfer.OfferPublished;
import org.yrd.platform.events.techtransfer.RequestMatched;
import org.yrd.platform.events.techtransfer.RequestPublished;
import org.yrd.platform.techtransfer.support.EventLog.Published;
import org.yrd.platform.techtransfer.support.TechTransferIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The story of the issue end to end: A's offer and B's request are reviewed and published, B gets a ranked list,
 * expresses interest, A accepts, staff close the deal, the statistics show it, and C sees nothing private.
 */
class FullFlowIntegrationTest extends TechTransferIntegrationTest {

    @Test
    void fromOfferAndRequestToADealThatTheStatisticsShow() {
        String a = organization("A", "310118");
        String b = organization("B", "320509");
        String c = organization("C", "330421");

        // A's offer: submitted, invisible to the public until staff approve it
        String offer = submitOffer(partner(a), offerBody("Solid-state battery electrolyte", "310118"));
        getAs(null, API + "/offers/" + offer).expect(404);
        JsonNode approved = review("offers", offer, "APPROVE", "complete dossier").expect(200).body();
        assertThat(approved.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(approved.get("version").asLong()).isEqualTo(2);
        JsonNode publicView = getAs(null, API + "/offers/" + offer).expect(200).body();
        assertThat(publicView.get("organizationName").get("en-US").asString()).isEqualTo("A Org");
        assertThat(publicView.get("reviewReason").isNull()).as("review notes are not public").isTrue();
        Published offerPublished = events().awaitEvent(offer, "OfferPublished");
        assertThat(offerPublished.key()).isEqualTo(offer);
        OfferPublished payload = (OfferPublished) EventCodec.typedPayload(offerPublished.envelope());
        assertThat(payload.organizationId()).isEqualTo(a);
        assertThat(payload.trl()).isEqualTo(6);

        // an unrelated offer in another field, and B's own offer, which B's ranking must never show
        String unrelated = publishedOffer(c, "Welding robot vision", "330421");
        Map<String, Object> unrelatedBody = offerBody("Vaccine delivery platform", "330421");
        unrelatedBody.put("field", "BIO_MEDICINE");
        unrelatedBody.put("title", Map.of("en-US", "mRNA vaccine delivery"));
        unrelatedBody.put("summary", Map.of("en-US", "Lipid nanoparticles for vaccines"));
        unrelatedBody.put("keywords", List.of("vaccine"));
        String vaccine = submitOffer(partner(c), unrelatedBody);
        review("offers", vaccine, "APPROVE", null).expect(200);
        String ownOffer = publishedOffer(b, "Battery electrolyte recycling", "320509");

        // B's request, reviewed and published
        String request = submitRequest(partner(b), requestBody("Safer electrolyte for battery packs", "320509"));
        review("requests", request, "APPROVE", null).expect(200);
        RequestPublished requestPublished = (RequestPublished) EventCodec.typedPayload(
                events().awaitEvent(request, "RequestPublished").envelope());
        assertThat(requestPublished.organizationId()).isEqualTo(b);

        JsonNode statsBefore = getAs(null, API + "/stats").expect(200).body();

        // B's ranked list: A's matching offer first, with reasons in B's language; never B's own offer
        JsonNode ranked = call(get(API + "/requests/" + request + "/matches").param("limit", "10")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en-US"), partner(b)).expect(200).body();
        List<String> rankedIds = ids(ranked, "offerId");
        assertThat(rankedIds).contains(offer).doesNotContain(ownOffer, vaccine);
        JsonNode best = ranked.get(rankedIds.indexOf(offer));
        assertThat(best.get("score").asDouble()).isBetween(0.5, 1.0);
        assertThat(strings(best.get("reasons"))).anyMatch(r -> r.startsWith("Shared terms:") && r.contains("electrolyte"))
                .contains("Same field: new energy and energy saving", "TRL 6 meets required 5",
                        "Common transfer modes: licence",
                        "Both in the Yangtze River Delta (Jiangsu and Shanghai)",
                        "Asking price 1.5M CNY within budget 2.0M CNY");
        if (rankedIds.contains(unrelated)) {
            assertThat(ranked.get(rankedIds.indexOf(unrelated)).get("score").asDouble())
                    .isLessThan(best.get("score").asDouble());
        }
        JsonNode rankedZh = call(get(API + "/requests/" + request + "/matches")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"), partner(b)).expect(200).body();
        assertThat(strings(rankedZh.get(ids(rankedZh, "offerId").indexOf(offer)).get("reasons")))
                .contains("同属技术领域：新能源与节能");

        // B expresses interest, A accepts, staff close the deal
        JsonNode proposed = postAs(partner(b), API + "/matches", Map.of("requestId", request, "offerId", offer,
                "message", "We would like a licence")).expect(201).body();
        String match = proposed.get("id").asString();
        assertThat(proposed.get("status").asString()).isEqualTo("PROPOSED");
        MatchProposed matchProposed = (MatchProposed) EventCodec.typedPayload(
                events().awaitEvent(match, "MatchProposed").envelope());
        assertThat(matchProposed.offerOrganizationId()).isEqualTo(a);
        assertThat(getAs(partner(a), API + "/matches/" + match).expect(200).body().get("message").asString())
                .isEqualTo("We would like a licence");

        assertThat(postAs(partner(a), API + "/matches/" + match + "/accept", null).expect(200).body()
                .get("status").asString()).isEqualTo("NEGOTIATING");
        events().awaitEvent(match, "MatchAccepted");

        JsonNode closed = postAs(staff(), API + "/matches/" + match + "/close-deal", Map.of("mode", "LICENSE",
                "value", Map.of("amount", 1200000, "currency", "CNY"), "signedAt", "2026-06-30T08:00:00Z"))
                .expect(200).body();
        assertThat(closed.get("status").asString()).isEqualTo("DEAL_CLOSED");
        String deal = closed.get("deal").get("dealId").asString();

        DealClosed dealClosed = (DealClosed) EventCodec.typedPayload(events().awaitEvent(match, "DealClosed")
                .envelope());
        assertThat(dealClosed.dealId()).isEqualTo(deal);
        assertThat(dealClosed.technologyTitle()).containsEntry("en-US", "Solid-state battery electrolyte");
        assertThat(dealClosed.offerOrganization().organizationId()).isEqualTo(a);
        assertThat(dealClosed.offerOrganization().name()).containsEntry("en-US", "A Org");
        assertThat(dealClosed.offerOrganization().region()).isEqualTo("310118");
        assertThat(dealClosed.requestOrganization().organizationId()).isEqualTo(b);
        assertThat(dealClosed.requestOrganization().region()).isEqualTo("320509");
        assertThat(dealClosed.mode()).isEqualTo("LICENSE");
        assertThat(dealClosed.value().amount()).isEqualByComparingTo("1200000");
        assertThat(dealClosed.value().currency()).isEqualTo("CNY");

        // the request is matched for good, announced on its own topic, and takes no further interest
        JsonNode matchedRequest = getAs(partner(b), API + "/requests/" + request).expect(200).body();
        assertThat(matchedRequest.get("status").asString()).isEqualTo("MATCHED");
        assertThat(matchedRequest.get("dealId").asString()).isEqualTo(deal);
        RequestMatched requestMatched = (RequestMatched) EventCodec.typedPayload(
                events().awaitEvent(request, "RequestMatched").envelope());
        assertThat(requestMatched.dealId()).isEqualTo(deal);
        postAs(partner(b), API + "/matches", Map.of("requestId", request, "offerId", unrelated)).expect(409);

        // the statistics show the deal (deltas: other tests share the store)
        JsonNode statsAfter = getAs(null, API + "/stats").expect(200).body();
        JsonNode deals = statsAfter.get("deals");
        assertThat(deals.get("count").asLong()).isEqualTo(statsBefore.get("deals").get("count").asLong() + 1);
        assertThat(value(deals.get("byProvince"), "code", "320000").subtract(
                value(statsBefore.get("deals").get("byProvince"), "code", "320000")))
                .isEqualByComparingTo("1200000");
        assertThat(value(deals.get("byCounty"), "code", "320509").subtract(
                value(statsBefore.get("deals").get("byCounty"), "code", "320509")))
                .isEqualByComparingTo("1200000");
        assertThat(value(deals.get("byMode"), "mode", "LICENSE").subtract(
                value(statsBefore.get("deals").get("byMode"), "mode", "LICENSE")))
                .isEqualByComparingTo("1200000");
        assertThat(statsAfter.get("matches").get("byStatus").get("DEAL_CLOSED").asLong())
                .isEqualTo(statsBefore.get("matches").get("byStatus").path("DEAL_CLOSED").asLong(0) + 1);
        assertThat(statsAfter.get("conversion").get("requestsWithDeal").asLong())
                .isEqualTo(statsBefore.get("conversion").get("requestsWithDeal").asLong() + 1);
        assertThat(statsAfter.get("conversion").get("rate").asDouble()).isPositive();
        assertThat(statsAfter.get("offers").get("byField").get("NEW_ENERGY_ENERGY_SAVING").asLong())
                .isGreaterThanOrEqualTo(3);
        assertThat(statsAfter.toString()).doesNotContain(a).doesNotContain(b).doesNotContain(c);

        // C sees none of A's or B's private data
        String tokenC = partner(c);
        getAs(tokenC, API + "/requests/" + request).expect(404);
        getAs(tokenC, API + "/matches/" + match).expect(404);
        getAs(tokenC, API + "/requests/" + request + "/matches").expect(404);
        assertThat(ids(getAs(tokenC, API + "/matches").expect(200).body().get("content"), "id")).doesNotContain(match);
        assertThat(ids(getAs(tokenC, API + "/requests").expect(200).body().get("content"), "id")).isEmpty();
        String aPrivate = submitOffer(partner(a), offerBody("Unreviewed idea", "310118"));
        getAs(tokenC, API + "/offers/" + aPrivate).expect(404);
        assertThat(ids(call(get(API + "/offers").param("organizationId", a).param("size", "100"), tokenC)
                .expect(200).body().get("content"), "id")).contains(offer).doesNotContain(aPrivate);
        assertThat(ids(call(get(API + "/offers").param("organizationId", a).param("size", "100"), partner(a))
                .expect(200).body().get("content"), "id")).contains(offer, aPrivate);
    }

    static List<String> ids(JsonNode array, String field) {
        List<String> ids = new ArrayList<>();
        array.forEach(item -> ids.add(item.get(field).asString()));
        return ids;
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.asString()));
        return values;
    }

    /** The CNY total of the row whose {@code key} is {@code value}, zero if absent. */
    static BigDecimal value(JsonNode rows, String key, String value) {
        for (JsonNode row : rows) {
            if (row.get(key).asString().equals(value)) {
                for (JsonNode total : row.get("value")) {
                    if (total.get("currency").asString().equals("CNY")) {
                        return total.get("amount").decimalValue();
                    }
                }
            }
        }
        return BigDecimal.ZERO;
    }
}
