package org.yrd.platform.techtransfer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yrd.platform.techtransfer.support.TechTransferIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint as the owner, another partner, staff and anonymous. Another partner's private resource is a 404
 * (never a 403); a public resource the caller may not change is a 403; no token where one is needed is a 401.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisibilityIntegrationTest extends TechTransferIntegrationTest {

    String a;
    String b;
    String c;
    String publishedOffer;
    String submittedOffer;
    String request;
    String match;

    @BeforeAll
    void world() {
        a = organization("VisA", "310118");
        b = organization("VisB", "320509");
        c = organization("VisC", "330421");
        publishedOffer = publishedOffer(a, "Visible electrolyte", "310118");
        submittedOffer = submitOffer(partner(a), offerBody("Hidden electrolyte", "310118"));
        request = publishedRequest(b, "Private need for electrolyte", "320509");
        match = postAs(partner(b), API + "/matches", Map.of("requestId", request, "offerId", publishedOffer))
                .expect(201).id();
    }

    @Test
    void offers() {
        for (String token : new String[] {partner(a), partner(c), staff(), null}) {
            getAs(token, API + "/offers/" + publishedOffer).expect(200);
        }
        getAs(partner(a), API + "/offers/" + submittedOffer).expect(200);
        getAs(staff(), API + "/offers/" + submittedOffer).expect(200);
        getAs(partner(c), API + "/offers/" + submittedOffer).expect(404);
        getAs(null, API + "/offers/" + submittedOffer).expect(404);

        assertThat(listedOffers(partner(a))).contains(publishedOffer, submittedOffer);
        assertThat(listedOffers(staff())).contains(publishedOffer, submittedOffer);
        assertThat(listedOffers(partner(c))).contains(publishedOffer).doesNotContain(submittedOffer);
        assertThat(listedOffers(null)).contains(publishedOffer).doesNotContain(submittedOffer);
        assertThat(ids(call(get(API + "/offers").param("status", "SUBMITTED").param("organizationId", a), null)
                .expect(200).body().get("content"))).isEmpty();

        postAs(null, API + "/offers", offerBody("Anonymous", "310118")).expect(401);
        // review is for staff: a partner is refused whatever it owns
        postAs(partner(a), API + "/offers/" + submittedOffer + "/review", Map.of("decision", "APPROVE")).expect(403);
        postAs(partner(c), API + "/offers/" + submittedOffer + "/review", Map.of("decision", "APPROVE")).expect(403);
        postAs(null, API + "/offers/" + submittedOffer + "/review", Map.of("decision", "APPROVE")).expect(401);
        // changing: the public offer is visible to C, so C is forbidden; the unpublished one does not exist for C
        postAs(partner(c), API + "/offers/" + publishedOffer + "/withdraw", null).expect(403);
        postAs(partner(c), API + "/offers/" + publishedOffer + "/renew", null).expect(403);
        postAs(partner(c), API + "/offers/" + submittedOffer + "/withdraw", null).expect(404);
        postAs(null, API + "/offers/" + publishedOffer + "/withdraw", null).expect(401);
        assertThat(getAs(staff(), API + "/offers/" + publishedOffer).body().get("status").asString())
                .isEqualTo("PUBLISHED");
    }

    @Test
    void requests() {
        getAs(partner(b), API + "/requests/" + request).expect(200);
        getAs(staff(), API + "/requests/" + request).expect(200);
        getAs(partner(a), API + "/requests/" + request).expect(404);
        getAs(partner(c), API + "/requests/" + request).expect(404);
        getAs(null, API + "/requests/" + request).expect(401);

        assertThat(listedRequests(partner(b))).contains(request);
        assertThat(listedRequests(staff())).contains(request);
        assertThat(listedRequests(partner(a))).doesNotContain(request);
        assertThat(listedRequests(partner(c))).doesNotContain(request);
        getAs(null, API + "/requests").expect(401);

        postAs(partner(b), API + "/requests/" + request + "/review", Map.of("decision", "REJECT", "reason", "x"))
                .expect(403);
        postAs(partner(c), API + "/requests/" + request + "/withdraw", null).expect(404);
        postAs(partner(c), API + "/requests/" + request + "/renew", null).expect(404);
        postAs(null, API + "/requests/" + request + "/withdraw", null).expect(401);
        postAs(null, API + "/requests", requestBody("Anonymous", "320509")).expect(401);
    }

    @Test
    void rankings() {
        getAs(partner(b), API + "/requests/" + request + "/matches").expect(200);
        getAs(staff(), API + "/requests/" + request + "/matches").expect(200);
        getAs(partner(a), API + "/requests/" + request + "/matches").expect(404);
        getAs(partner(c), API + "/requests/" + request + "/matches").expect(404);
        getAs(null, API + "/requests/" + request + "/matches").expect(401);

        JsonNode forOffer = getAs(partner(a), API + "/offers/" + publishedOffer + "/matches").expect(200).body();
        assertThat(forOffer.get(0).has("requestId")).isTrue();
        getAs(staff(), API + "/offers/" + publishedOffer + "/matches").expect(200);
        getAs(partner(c), API + "/offers/" + publishedOffer + "/matches").expect(403);
        getAs(partner(c), API + "/offers/" + submittedOffer + "/matches").expect(404);
        getAs(null, API + "/offers/" + publishedOffer + "/matches").expect(401);
        getAs(partner(b), API + "/requests/" + request + "/matches?limit=0").expect(400);
        getAs(partner(b), API + "/requests/" + request + "/matches?limit=500").expect(400);
    }

    @Test
    void matches() {
        getAs(partner(a), API + "/matches/" + match).expect(200);
        getAs(partner(b), API + "/matches/" + match).expect(200);
        getAs(staff(), API + "/matches/" + match).expect(200);
        getAs(partner(c), API + "/matches/" + match).expect(404);
        getAs(null, API + "/matches/" + match).expect(401);

        assertThat(ids(getAs(partner(a), API + "/matches").expect(200).body().get("content"))).contains(match);
        assertThat(ids(getAs(partner(b), API + "/matches").expect(200).body().get("content"))).contains(match);
        assertThat(ids(getAs(staff(), API + "/matches?size=100").expect(200).body().get("content"))).contains(match);
        assertThat(ids(getAs(partner(c), API + "/matches").expect(200).body().get("content"))).doesNotContain(match);
        getAs(null, API + "/matches").expect(401);

        // only the offer's side answers; the requester may not accept its own interest
        postAs(partner(b), API + "/matches/" + match + "/accept", null).expect(403);
        postAs(partner(b), API + "/matches/" + match + "/decline", Map.of("reasonCode", "OTHER")).expect(403);
        postAs(partner(c), API + "/matches/" + match + "/accept", null).expect(404);
        postAs(partner(c), API + "/matches/" + match + "/decline", Map.of("reasonCode", "OTHER")).expect(404);
        postAs(partner(c), API + "/matches/" + match + "/withdraw", null).expect(404);
        postAs(null, API + "/matches/" + match + "/accept", null).expect(401);
        postAs(partner(a), API + "/matches/" + match + "/close-deal", deal()).expect(403);
        postAs(partner(c), API + "/matches/" + match + "/close-deal", deal()).expect(403);
        postAs(null, API + "/matches/" + match + "/close-deal", deal()).expect(401);
        // C cannot express interest with B's request, nor see that it exists
        postAs(partner(c), API + "/matches", Map.of("requestId", request, "offerId", publishedOffer)).expect(404);
        // B cannot express interest in an offer it cannot see
        postAs(partner(b), API + "/matches", Map.of("requestId", request, "offerId", submittedOffer)).expect(404);
        assertThat(getAs(staff(), API + "/matches/" + match).body().get("status").asString()).isEqualTo("PROPOSED");
    }

    @Test
    void publicReadsAndStaffQueues() {
        getAs(null, API + "/branch-centers").expect(200);
        getAs(null, API + "/stats").expect(200);
        getAs(staff(), API + "/branch-centers/central/queue").expect(200);
        getAs(partner(a), API + "/branch-centers/central/queue").expect(403);
        getAs(null, API + "/branch-centers/central/queue").expect(401);
        getAs(TOKENS.expired("x", a, "PARTNER"), API + "/offers/" + publishedOffer).expect(401);
        getAs(TOKENS.signedByForeignKey("x", a, "PARTNER"), API + "/requests").expect(401);
    }

    private static Map<String, Object> deal() {
        return Map.of("mode", "LICENSE", "value", Map.of("amount", 10, "currency", "CNY"),
                "signedAt", "2026-01-01T00:00:00Z");
    }

    private List<String> listedOffers(String token) {
        return ids(getAs(token, API + "/offers?size=100&organizationId=" + a).expect(200).body().get("content"));
    }

    private List<String> listedRequests(String token) {
        return ids(getAs(token, API + "/requests?size=100").expect(200).body().get("content"));
    }

    private static List<String> ids(JsonNode content) {
        List<String> ids = new ArrayList<>();
        content.forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
