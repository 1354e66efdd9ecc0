package org.yrd.platform.techtransfer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yrd.platform.techtransfer.support.TechTransferIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Bad input is a 400 problem+json naming the field, and nothing is stored; operators are data, not queries; and
 * fields a client must not set are ignored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InputValidationIntegrationTest extends TechTransferIntegrationTest {

    /** Only ever sends bad input: it must end with nothing stored. */
    String org;
    /** Sends good input with extras. */
    String writer;
    String other;

    @BeforeAll
    void organizations() {
        org = organization("Validating", "320509");
        writer = organization("Writer", "320509");
        other = organization("Bystander", "310118");
    }

    static Stream<Arguments> badOffers() {
        return Stream.of(
                bad("trl", o -> o.put("trl", 0)),
                bad("trl", o -> o.put("trl", 10)),
                bad("trl", o -> o.remove("trl")),
                bad("field", o -> o.put("field", "QUANTUM")),
                bad("ipStatus", o -> o.put("ipStatus", "SECRET")),
                bad("transferModes", o -> o.put("transferModes", List.of("BARTER"))),
                bad("transferModes", o -> o.put("transferModes", List.of())),
                bad("region", o -> o.put("region", "999999")),
                bad("region", o -> o.put("region", "320500")),
                bad("region", o -> o.put("region", Map.of("$gt", ""))),
                bad("title", o -> o.put("title", Map.of())),
                bad("title", o -> o.put("title", Map.of("fr-FR", "Électrolyte"))),
                bad("title", o -> o.put("title", Map.of("zh-CN", " ", "en-US", ""))),
                bad("title", o -> o.put("title", Map.of("en-US", Map.of("$gt", "")))),
                bad("summary", o -> o.remove("summary")),
                bad("keywords", o -> o.put("keywords", Collections.nCopies(11, "k"))),
                bad("keywords[0]", o -> o.put("keywords", List.of("k".repeat(51)))),
                bad("askingPrice.amount", o -> o.put("askingPrice", Map.of("amount", -1, "currency", "CNY"))),
                bad("askingPrice.amount", o -> o.put("askingPrice", Map.of("amount", "lots", "currency", "CNY"))),
                bad("askingPrice.currency", o -> o.put("askingPrice", Map.of("amount", 1, "currency", "yuan"))));
    }

    static Stream<Arguments> badRequests() {
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        return Stream.of(
                bad("requiredTrlMin", r -> r.put("requiredTrlMin", 0)),
                bad("requiredTrlMin", r -> r.put("requiredTrlMin", 12)),
                bad("budget.min", r -> r.put("budget", Map.of("min", 3000000, "max", 2000000, "currency", "CNY"))),
                bad("budget.min", r -> r.put("budget", Map.of("min", -5, "max", 10, "currency", "CNY"))),
                bad("budget.max", r -> r.put("budget", Map.of("min", 0, "currency", "CNY"))),
                bad("budget.currency", r -> r.put("budget", Map.of("min", 0, "max", 10, "currency", "CN"))),
                bad("deadline", r -> r.put("deadline", yesterday)),
                bad("deadline", r -> r.put("deadline", "next week")),
                bad("description", r -> r.put("description", Map.of("de-DE", "Bedarf"))),
                bad("acceptableModes", r -> r.remove("acceptableModes")),
                bad("field", r -> r.put("field", Map.of("$ne", "x"))),
                bad("keywords", r -> r.put("keywords", Collections.nCopies(11, "k"))),
                bad("region", r -> r.put("region", "abc")));
    }

    static Arguments bad(String field, Consumer<Map<String, Object>> breakIt) {
        return Arguments.of(field, breakIt);
    }

    @ParameterizedTest(name = "offer: {0}")
    @MethodSource("badOffers")
    void aBadOfferIsRefusedNamingTheField(String field, Consumer<Map<String, Object>> breakIt) {
        Map<String, Object> body = offerBody("Bad offer", "320509");
        breakIt.accept(body);
        expectFieldProblem(postAs(partner(org), API + "/offers", body), field);
        assertThat(mongo.getCollection("offers").countDocuments(new Document("organizationId", org))).isZero();
    }

    @ParameterizedTest(name = "request: {0}")
    @MethodSource("badRequests")
    void aBadRequestIsRefusedNamingTheField(String field, Consumer<Map<String, Object>> breakIt) {
        Map<String, Object> body = requestBody("Bad request", "320509");
        breakIt.accept(body);
        expectFieldProblem(postAs(partner(org), API + "/requests", body), field);
        assertThat(mongo.getCollection("requests").countDocuments(new Document("organizationId", org))).isZero();
    }

    @Test
    void malformedJsonAndWrongContentType() {
        Response malformed = postAs(partner(org), API + "/offers", "{\"title\": ");
        malformed.expect(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        Response text = call(post(API + "/offers").contentType("text/plain").content("hello"), partner(org));
        text.expect(415);
    }

    @Test
    void reviewAndMatchInputsAreChecked() {
        String offer = submitOffer(partner(writer), offerBody("Checked offer", "320509"));
        expectFieldProblem(review("offers", offer, "REJECT", null), "reason");
        expectFieldProblem(review("offers", offer, "REJECT", "   "), "reason");
        expectFieldProblem(review("offers", offer, "MAYBE", "x"), "decision");
        assertThat(getAs(staff(), API + "/offers/" + offer).expect(200).body().get("status").asString())
                .isEqualTo("SUBMITTED");
        expectFieldProblem(postAs(partner(writer), API + "/matches", Map.of("requestId", Map.of("$gt", ""),
                "offerId", offer)), "requestId");
        expectFieldProblem(postAs(partner(writer), API + "/matches", Map.of("offerId", offer)), "requestId");
        expectFieldProblem(postAs(staff(), API + "/matches/match-x/close-deal", Map.of("mode", "LICENSE",
                "value", Map.of("amount", -3, "currency", "CNY"), "signedAt", "2026-01-01T00:00:00Z")),
                "value.amount");
        expectFieldProblem(postAs(staff(), API + "/matches/match-x/decline", Map.of("reasonCode", "BORED")),
                "reasonCode");
    }

    @Test
    void operatorsInQueryParametersAndPathsAreNeitherQueriesNorErrorsOfTheStore() {
        expectFieldProblem(call(get(API + "/offers").param("region", "{\"$gt\":\"\"}"), null), "region");
        expectFieldProblem(call(get(API + "/offers").param("trlMin", "{\"$gt\":1}"), null), "trlMin");
        expectFieldProblem(call(get(API + "/offers").param("field", "{\"$ne\":null}"), null), "field");
        expectFieldProblem(call(get(API + "/offers").param("trlMin", "0"), null), "trlMin");
        expectFieldProblem(call(get(API + "/offers").param("sort", "$where,desc"), null), "sort");
        // free text goes to the text index as words, so an operator object finds nothing
        JsonNode searched = call(get(API + "/offers").param("q", "{\"$gt\": \"\"}"), null).expect(200).body();
        assertThat(searched.get("content")).isEmpty();
        call(get(java.net.URI.create(API + "/offers/%7B%22%24gt%22:%22%22%7D")), null).expect(404);
        call(get(java.net.URI.create(API + "/requests/%7B%22%24ne%22:null%7D")), staff()).expect(404);
        // an operator as the organization filter is just an id that matches nothing
        assertThat(call(get(API + "/offers").param("organizationId", "{\"$ne\":null}"), staff()).expect(200).body()
                .get("content")).isEmpty();
    }

    @Test
    void fieldsAClientMustNotSetAreIgnored() {
        Map<String, Object> body = withFieldsAClientMustNotSet(offerBody("Mass assignment", "320509"), other);
        JsonNode offer = postAs(partner(writer), API + "/offers", body).expect(201).body();
        assertThat(offer.get("id").asString()).isNotEqualTo("off-chosen-by-client");
        assertThat(offer.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(offer.get("version").asLong()).isEqualTo(1);
        assertThat(offer.get("createdAt").asString()).doesNotStartWith("2000");
        assertThat(offer.get("publishedAt").isNull()).isTrue();
        assertThat(offer.get("organizationId").asString()).isEqualTo(writer);
        assertThat(offer.get("renewed").asBoolean()).isFalse();
        assertThat(offer.has("score")).isFalse();
        getAs(staff(), API + "/offers/off-chosen-by-client").expect(404);
        getAs(null, API + "/offers/" + offer.get("id").asString()).expect(404);

        Map<String, Object> request = requestBody("Mass assignment", "320509");
        request.put("status", "MATCHED");
        request.put("dealId", "deal-free");
        request.put("branchCenterId", "bc-chosen");
        JsonNode stored = postAs(partner(writer), API + "/requests", request).expect(201).body();
        assertThat(stored.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(stored.get("dealId").isNull()).isTrue();
        assertThat(stored.get("branchCenterId").asString()).isNotEqualTo("bc-chosen");
    }

    private static void expectFieldProblem(Response response, String field) {
        response.expect(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("status").asInt()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        response.body().path("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).as("errors of %s", response.body()).anyMatch(f -> f.equals(field) || f.startsWith(field + ".") || f.startsWith(field + "["));
        assertThat(response.body().toString()).doesNotContain("Exception").doesNotContain("org.springframework")
                .doesNotContain("mongo");
    }
}
