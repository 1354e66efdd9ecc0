package org.yrd.platform.techtransfer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yrd.platform.techtransfer.support.TechTransferIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Editing an offer or a request (PUT, If-Match) through HTTP against the real store and broker: the owner or staff
 * replace the content of a listing awaiting review or rejected, with the create body's validation and
 * mass-assignment protection; everything else is refused as problem+json.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListingEditIntegrationTest extends TechTransferIntegrationTest {

    String owner;
    String stranger;

    @BeforeAll
    void organizations() {
        owner = organization("Editor", "320509");
        stranger = organization("Stranger", "310118");
    }

    static Map<String, Object> titled(Map<String, Object> body, String title) {
        body.put("title", Map.of("en-US", title, "zh-CN", title + "（修订）"));
        return body;
    }

    @Test
    void theOwnerEditsASubmittedOfferAndGetsANewEtag() {
        String offer = submitOffer(partner(owner), offerBody("Draft electrolyte", "320509"));
        Response read = getAs(partner(owner), API + "/offers/" + offer).expect(200);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");

        Map<String, Object> body = titled(offerBody("x", "310118"), "Sulfide solid electrolyte");
        body.put("trl", 8);
        body.remove("askingPrice");
        Response edited = putAs(partner(owner), API + "/offers/" + offer, body, read.header("ETag")).expect(200);
        assertThat(edited.header("ETag")).isEqualTo("\"2\"");
        assertThat(edited.body().get("version").asLong()).isEqualTo(2);
        assertThat(edited.body().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(edited.body().get("title").get("en-US").asString()).isEqualTo("Sulfide solid electrolyte");
        assertThat(edited.body().get("trl").asInt()).isEqualTo(8);
        assertThat(edited.body().get("region").asString()).isEqualTo("310118");
        assertThat(edited.body().get("askingPrice").isNull()).isTrue();
        assertThat(edited.body().get("organizationId").asString()).isEqualTo(owner);

        Response again = getAs(partner(owner), API + "/offers/" + offer).expect(200);
        assertThat(again.header("ETag")).isEqualTo("\"2\"");
        assertThat(again.body().get("title").get("en-US").asString()).isEqualTo("Sulfide solid electrolyte");
        // staff may edit any organization's listing; the owner stays the owner
        Response byStaff = putAs(staff(), API + "/offers/" + offer, titled(offerBody("x", "310118"), "By staff"),
                "\"2\"").expect(200);
        assertThat(byStaff.header("ETag")).isEqualTo("\"3\"");
        assertThat(byStaff.body().get("organizationId").asString()).isEqualTo(owner);
    }

    @Test
    void theOwnerEditsASubmittedRequest() {
        String request = submitRequest(partner(owner), requestBody("Draft need", "320509"));
        Map<String, Object> body = titled(requestBody("x", "320509"), "Sulfide electrolyte need");
        body.put("deadline", LocalDate.now(ZoneOffset.UTC).plusDays(30).toString());
        body.put("budget", Map.of("min", 100000, "max", 300000, "currency", "CNY"));
        Response edited = putAs(partner(owner), API + "/requests/" + request, body, "\"1\"").expect(200);
        assertThat(edited.header("ETag")).isEqualTo("\"2\"");
        assertThat(edited.body().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(edited.body().get("title").get("en-US").asString()).isEqualTo("Sulfide electrolyte need");
        assertThat(edited.body().get("budget").get("max").asInt()).isEqualTo(300000);
        assertThat(edited.body().get("deadline").asString()).isEqualTo(body.get("deadline"));
        assertThat(getAs(partner(owner), API + "/requests/" + request).expect(200).body().get("title").get("en-US")
                .asString()).isEqualTo("Sulfide electrolyte need");
    }

    @Test
    void anotherPartnerCannotEditFollowingTheVisibilityConvention() {
        String submittedOffer = submitOffer(partner(owner), offerBody("Private offer", "320509"));
        String publishedOffer = publishedOffer(owner, "Public offer", "320509");
        String request = submitRequest(partner(owner), requestBody("Private need", "320509"));
        // what another partner cannot see does not exist for it; a published offer it sees is not its to change
        expectProblem(putAs(partner(stranger), API + "/offers/" + submittedOffer, offerBody("Mine", "310118"),
                "\"1\""), 404);
        expectProblem(putAs(partner(stranger), API + "/offers/" + publishedOffer, offerBody("Mine", "310118"),
                "\"2\""), 403);
        expectProblem(putAs(partner(stranger), API + "/requests/" + request, requestBody("Mine", "310118"),
                "\"1\""), 404);
        putAs(null, API + "/offers/" + submittedOffer, offerBody("Anyone", "310118"), "\"1\"").expect(401);
        putAs(null, API + "/requests/" + request, requestBody("Anyone", "310118"), "\"1\"").expect(401);
        assertThat(getAs(partner(owner), API + "/offers/" + submittedOffer).expect(200).body().get("title")
                .get("en-US").asString()).isEqualTo("Private offer");
        assertThat(getAs(partner(owner), API + "/requests/" + request).expect(200).body().get("version").asLong())
                .isEqualTo(1);
    }

    @Test
    void anEditNeedsTheCurrentVersion() {
        String offer = submitOffer(partner(owner), offerBody("Versioned", "320509"));
        Response missing = putAs(partner(owner), API + "/offers/" + offer, offerBody("No version", "320509"), null);
        expectProblem(missing, 428);
        assertThat(missing.body().get("detail").asString()).contains("If-Match");
        putAs(partner(owner), API + "/offers/" + offer, offerBody("First edit", "320509"), "\"1\"").expect(200);
        // someone else's edit came first: the client's version is stale (API.md: a stale version answers 409)
        Response stale = putAs(partner(owner), API + "/offers/" + offer, offerBody("Lost edit", "320509"), "\"1\"");
        expectProblem(stale, 409);
        assertThat(stale.body().get("type").asString()).endsWith("stale-version");
        expectProblem(putAs(partner(owner), API + "/offers/" + offer, offerBody("Bad", "320509"), "\"one\""), 400);

        String request = submitRequest(partner(owner), requestBody("Versioned need", "320509"));
        expectProblem(putAs(partner(owner), API + "/requests/" + request, requestBody("x", "320509"), null), 428);
        expectProblem(putAs(partner(owner), API + "/requests/" + request, requestBody("x", "320509"), "\"7\""), 409);
        JsonNode kept = getAs(partner(owner), API + "/offers/" + offer).expect(200).body();
        assertThat(kept.get("title").get("en-US").asString()).isEqualTo("First edit");
        assertThat(kept.get("version").asLong()).isEqualTo(2);
    }

    @Test
    void publishedWithdrawnAndExpiredListingsAreNotEdited() {
        String offer = publishedOffer(owner, "Published offer", "320509");
        Response refused = putAs(partner(owner), API + "/offers/" + offer, offerBody("Changed", "320509"), "\"2\"");
        expectProblem(refused, 409);
        assertThat(refused.body().get("type").asString()).endsWith("illegal-transition");
        assertThat(refused.body().get("detail").asString()).contains("PUBLISHED")
                .contains("withdraw it (if it is still published) and submit a new offer");
        assertThat(getAs(null, API + "/offers/" + offer).expect(200).body().get("title").get("en-US").asString())
                .isEqualTo("Published offer");

        String request = publishedRequest(owner, "Published need", "320509");
        expectProblem(putAs(partner(owner), API + "/requests/" + request, requestBody("Changed", "320509"), "\"2\""),
                409);
        postAs(partner(owner), API + "/requests/" + request + "/withdraw", null).expect(200);
        Response withdrawn = putAs(staff(), API + "/requests/" + request, requestBody("Changed", "320509"), "\"3\"");
        expectProblem(withdrawn, 409);
        assertThat(withdrawn.body().get("detail").asString()).contains("WITHDRAWN").contains("submit a new request");
    }

    @Test
    void editingARejectedListingSendsItBackToReview() {
        String offer = submitOffer(partner(owner), offerBody("Thin offer", "320509"));
        review("offers", offer, "REJECT", "Add the patent numbers").expect(200);
        JsonNode rejected = getAs(partner(owner), API + "/offers/" + offer).expect(200).body();
        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("reviewReason").asString()).isEqualTo("Add the patent numbers");
        JsonNode resubmitted = putAs(partner(owner), API + "/offers/" + offer,
                titled(offerBody("x", "320509"), "Thin offer, with patents"), "\"2\"").expect(200).body();
        assertThat(resubmitted.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(resubmitted.get("reviewReason").isNull()).isTrue();
        review("offers", offer, "APPROVE", null).expect(200);

        String request = submitRequest(partner(owner), requestBody("Thin need", "320509"));
        review("requests", request, "REJECT", "Say what the budget covers").expect(200);
        JsonNode edited = putAs(partner(owner), API + "/requests/" + request,
                titled(requestBody("x", "310118"), "Thin need, explained"), "\"2\"").expect(200).body();
        assertThat(edited.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(edited.get("reviewReason").isNull()).isTrue();
        // back in a review queue: the one of its (new) region
        String queue = edited.get("branchCenterId").asString();
        JsonNode waiting = call(get(API + "/branch-centers/" + queue + "/queue").param("size", "100"), staff())
                .expect(200).body().get("content");
        List<String> ids = new ArrayList<>();
        waiting.forEach(item -> ids.add(item.get("id").asString()));
        assertThat(ids).contains(request);
    }

    @Test
    void anEditIsValidatedLikeTheCreateAndChangesNothingWhenInvalid() {
        String offer = submitOffer(partner(owner), offerBody("Valid offer", "320509"));
        Map<String, Object> badTrl = offerBody("Invalid offer", "320509");
        badTrl.put("trl", 12);
        expectFieldProblem(putAs(partner(owner), API + "/offers/" + offer, badTrl, "\"1\""), "trl");
        expectFieldProblem(putAs(partner(owner), API + "/offers/" + offer, offerBody("Invalid offer", "999999"),
                "\"1\""), "region");
        Map<String, Object> noTitle = offerBody("Invalid offer", "320509");
        noTitle.put("title", Map.of());
        expectFieldProblem(putAs(partner(owner), API + "/offers/" + offer, noTitle, "\"1\""), "title");
        JsonNode unchanged = getAs(partner(owner), API + "/offers/" + offer).expect(200).body();
        assertThat(unchanged.get("version").asLong()).isEqualTo(1);
        assertThat(unchanged.get("title").get("en-US").asString()).isEqualTo("Valid offer");

        String request = submitRequest(partner(owner), requestBody("Valid need", "320509"));
        Map<String, Object> pastDeadline = requestBody("Invalid need", "320509");
        pastDeadline.put("deadline", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString());
        expectFieldProblem(putAs(partner(owner), API + "/requests/" + request, pastDeadline, "\"1\""), "deadline");
        Map<String, Object> upsideDown = requestBody("Invalid need", "320509");
        upsideDown.put("budget", Map.of("min", 3000000, "max", 2000000, "currency", "CNY"));
        expectFieldProblem(putAs(partner(owner), API + "/requests/" + request, upsideDown, "\"1\""), "budget.min");
        assertThat(getAs(partner(owner), API + "/requests/" + request).expect(200).body().get("version").asLong())
                .isEqualTo(1);
    }

    @Test
    void fieldsAClientMustNotSetAreIgnoredByAnEdit() {
        JsonNode created = postAs(partner(owner), API + "/offers", offerBody("Honest offer", "320509")).expect(201)
                .body();
        String offer = created.get("id").asString();
        Map<String, Object> body = withFieldsAClientMustNotSet(titled(offerBody("x", "320509"),
                "Honest offer, edited"), stranger);
        JsonNode edited = putAs(partner(owner), API + "/offers/" + offer, body, "\"1\"").expect(200).body();
        assertThat(edited.get("id").asString()).isEqualTo(offer);
        assertThat(edited.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(edited.get("version").asLong()).isEqualTo(2);
        // the store keeps milliseconds; the create's answer had the clock's full precision
        assertThat(Instant.parse(edited.get("createdAt").asString())).isEqualTo(Instant.parse(created.get("createdAt")
                .asString()).truncatedTo(ChronoUnit.MILLIS));
        assertThat(edited.get("publishedAt").isNull()).isTrue();
        assertThat(edited.get("organizationId").asString()).isEqualTo(owner);
        assertThat(edited.get("renewed").asBoolean()).isFalse();
        assertThat(edited.has("score")).isFalse();
        getAs(staff(), API + "/offers/off-chosen-by-client").expect(404);
        getAs(null, API + "/offers/" + offer).expect(404);

        String request = submitRequest(partner(owner), requestBody("Honest need", "320509"));
        Map<String, Object> sneaky = requestBody("Honest need, edited", "320509");
        sneaky.put("status", "MATCHED");
        sneaky.put("dealId", "deal-free");
        sneaky.put("branchCenterId", "bc-chosen");
        sneaky.put("organizationId", stranger);
        JsonNode stored = putAs(partner(owner), API + "/requests/" + request, sneaky, "\"1\"").expect(200).body();
        assertThat(stored.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(stored.get("dealId").isNull()).isTrue();
        assertThat(stored.get("branchCenterId").asString()).isNotEqualTo("bc-chosen");
        assertThat(stored.get("organizationId").asString()).isEqualTo(owner);
        getAs(partner(stranger), API + "/requests/" + request).expect(404);
    }

    @Test
    void anEditedListingStaysOutOfTheMatchingIndexUntilPublishedAndWritesNoEvent() {
        String seeker = organization("Seeker", "330402");
        Map<String, Object> need = requestBody("x", "330402");
        need.put("title", Map.of("en-US", "Magnetocaloric refrigeration module"));
        need.put("description", Map.of("en-US", "We look for a magnetocaloric refrigeration module without "
                + "refrigerant gases for cold chain boxes"));
        need.put("keywords", List.of("magnetocaloric", "refrigeration"));
        String request = publishedRequest(seeker, need);

        String offer = submitOffer(partner(owner), offerBody("Unrelated draft", "320509"));
        Map<String, Object> fitting = offerBody("x", "320509");
        fitting.put("title", Map.of("en-US", "Magnetocaloric refrigeration module"));
        fitting.put("summary", Map.of("en-US", "A magnetocaloric refrigeration module for cold chain boxes, "
                + "no refrigerant gases"));
        fitting.put("keywords", List.of("magnetocaloric", "refrigeration"));
        putAs(partner(owner), API + "/offers/" + offer, fitting, "\"1\"").expect(200);
        assertThat(rankedOffers(request, seeker)).doesNotContain(offer);

        review("offers", offer, "APPROVE", null).expect(200);
        assertThat(rankedOffers(request, seeker)).first().isEqualTo(offer);
        events().awaitEvent(offer, "OfferPublished");
        assertThat(events().typesAbout(offer)).containsExactly("OfferPublished");
        // a refused edit of the published offer leaves the index as it was
        expectProblem(putAs(partner(owner), API + "/offers/" + offer, offerBody("Unrelated", "320509"), "\"3\""),
                409);
        assertThat(rankedOffers(request, seeker)).first().isEqualTo(offer);
    }

    private String publishedRequest(String organization, Map<String, Object> body) {
        String id = submitRequest(partner(organization), body);
        review("requests", id, "APPROVE", null).expect(200);
        return id;
    }

    private List<String> rankedOffers(String request, String organization) {
        JsonNode ranked = call(get(API + "/requests/" + request + "/matches").param("limit", "50"),
                partner(organization)).expect(200).body();
        List<String> ids = new ArrayList<>();
        ranked.forEach(item -> ids.add(item.get("offerId").asString()));
        return ids;
    }

    private static void expectProblem(Response response, int status) {
        response.expect(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("status").asInt()).isEqualTo(status);
        assertThat(response.body().get("detail").asString()).isNotBlank();
    }

    private static void expectFieldProblem(Response response, String field) {
        expectProblem(response, 400);
        List<String> fields = new ArrayList<>();
        response.body().path("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).as("errors of %s", response.body()).anyMatch(f -> f.equals(field)
                || f.startsWith(field + ".") || f.startsWith(field + "["));
    }
}
