package org.yrd.platform.techtransfer.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.yrd.platform.commons.consumer.ProcessedEvents;
import org.yrd.platform.commons.events.EventCodec;
import org.yrd.platform.events.EventEnvelope;
import org.yrd.platform.events.Topics;
import org.yrd.platform.events.techtransfer.MatchSuggested;
import org.yrd.platform.techtransfer.notification.MatchNotification;
import org.yrd.platform.techtransfer.support.EventLog;
import org.yrd.platform.techtransfer.support.TechTransferIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Two-way continuous matching on the real broker: a publication notifies the owners of what fits it, once,
 * however often the publication is delivered or processed, with MatchSuggested on techtransfer.matches.v1.
 */
class ContinuousMatchingIntegrationTest extends TechTransferIntegrationTest {

    @Autowired
    ContinuousMatching continuousMatching;
    @Autowired
    ProcessedEvents processed;

    JsonNode notifications(String token, String... params) {
        var request = get(API + "/notifications").header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN");
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return call(request, token).expect(200).body();
    }

    long stored(String requestId, String offerId) {
        return mongo.count(Query.query(Criteria.where("requestId").is(requestId).and("offerId").is(offerId)),
                MatchNotification.class);
    }

    @Test
    void aPublishedOfferNotifiesTheOwnerOfAFittingRequestOnceWhateverTheReplays() {
        String a = organization("NotifyA", "310118");
        String b = organization("NotifyB", "320509");
        String c = organization("NotifyC", "330421");
        String request = publishedRequest(b, "Safer electrolyte for battery packs", "320509");
        java.util.Map<String, Object> unrelated = requestBody("Vaccine", "330421");
        unrelated.put("title", java.util.Map.of("en-US", "mRNA vaccine delivery", "zh-CN", "疫苗递送"));
        unrelated.put("description", java.util.Map.of("en-US", "Lipid nanoparticles", "zh-CN", "脂质纳米颗粒"));
        unrelated.put("keywords", List.of("vaccine"));
        unrelated.put("field", "BIO_MEDICINE");
        String other = submitRequest(partner(c), unrelated);
        review("requests", other, "APPROVE", null).expect(200);
        String offer = publishedOffer(a, "Solid-state electrolyte", "310118");

        await().atMost(Duration.ofSeconds(20)).until(() -> stored(request, offer) == 1);
        JsonNode inbox = notifications(partner(b));
        JsonNode notification = inbox.get("content").get(0);
        assertThat(notification.get("kind").asString()).isEqualTo("OFFER_FOR_REQUEST");
        assertThat(notification.get("requestId").asString()).isEqualTo(request);
        assertThat(notification.get("offerId").asString()).isEqualTo(offer);
        assertThat(notification.get("score").asDouble()).isGreaterThanOrEqualTo(0.6);
        assertThat(notification.get("read").asBoolean()).isFalse();
        assertThat(notification.get("reasons").toString()).contains("同属技术领域：新能源与节能");
        String id = notification.get("id").asString();

        // MatchSuggested went out through the outbox, keyed by the notification (the deterministic suggestion id)
        EventLog.Published suggested = events().awaitEvent(id, "MatchSuggested");
        assertThat(suggested.key()).isEqualTo(id);
        MatchSuggested payload = (MatchSuggested) EventCodec.typedPayload(suggested.envelope());
        assertThat(payload.requestId()).isEqualTo(request);
        assertThat(payload.offerId()).isEqualTo(offer);
        assertThat(payload.notifiedOrganizationId()).isEqualTo(b);

        // the unrelated request's owner is told nothing
        assertThat(notifications(partner(c)).get("content").size()).isZero();

        // the same event delivered again, the same publication replayed as a new event, another instance
        EventEnvelope<JsonNode> original = events().awaitEvent(offer, "OfferPublished").envelope();
        publish(Topics.TECHTRANSFER_OFFERS, null, original);
        EventEnvelope<JsonNode> replay = new EventEnvelope<>(UUID.randomUUID().toString(), original.type(),
                Instant.now(), original.aggregateId(), original.aggregateVersion(), original.payload());
        publish(Topics.TECHTRANSFER_OFFERS, null, replay);
        await().atMost(Duration.ofSeconds(20)).until(() -> processed.alreadyProcessed(ContinuousMatching.CONSUMER,
                replay.eventId()));
        assertThat(continuousMatching.offerPublished(offer)).isZero();
        assertThat(stored(request, offer)).isEqualTo(1);
        assertThat(events().typesAbout(id)).containsExactly("MatchSuggested");
    }

    @Test
    void aPublishedRequestNotifiesTheOwnerOfAFittingOffer() {
        String a = organization("ReverseA", "320583");
        String b = organization("ReverseB", "330402");
        String offer = publishedOffer(a, "Solid-state electrolyte", "320583");
        String request = publishedRequest(b, "Safer electrolyte for battery packs", "330402");
        await().atMost(Duration.ofSeconds(20)).until(() -> stored(request, offer) == 1);
        JsonNode notification = notifications(partner(a)).get("content").get(0);
        assertThat(notification.get("kind").asString()).isEqualTo("REQUEST_FOR_OFFER");
        assertThat(notification.get("organizationId").asString()).isEqualTo(a);
        assertThat(notification.get("requestId").asString()).isEqualTo(request);
    }

    @Test
    void notificationsAreReadPerOrganizationAndStaffSeeAnyone() {
        String a = organization("InboxA", "310118");
        String b = organization("InboxB", "320509");
        String c = organization("InboxC", "320509");
        String request = publishedRequest(b, "Safer electrolyte for battery packs", "320509");
        String offer = publishedOffer(a, "Solid-state electrolyte", "310118");
        await().atMost(Duration.ofSeconds(20)).until(() -> stored(request, offer) == 1);
        String id = notifications(partner(b)).get("content").get(0).get("id").asString();

        assertThat(notifications(partner(b), "unread", "true").get("page").get("totalElements").asLong()).isEqualTo(1);
        JsonNode read = postAs(partner(b), API + "/notifications/" + id + "/read", null).expect(200).body();
        assertThat(read.get("read").asBoolean()).isTrue();
        assertThat(read.get("readAt").isNull()).isFalse();
        // reading again is harmless
        assertThat(postAs(partner(b), API + "/notifications/" + id + "/read", null).expect(200).body()
                .get("version").asLong()).isEqualTo(read.get("version").asLong());
        assertThat(notifications(partner(b), "unread", "true").get("page").get("totalElements").asLong()).isZero();
        assertThat(notifications(partner(b), "unread", "false").get("page").get("totalElements").asLong()).isEqualTo(1);

        // another partner neither sees nor reads them; staff see them by organization
        call(get(API + "/notifications").param("organizationId", b), partner(c)).expect(403);
        postAs(partner(c), API + "/notifications/" + id + "/read", null).expect(404);
        assertThat(notifications(staff(), "organizationId", b).get("content").get(0).get("id").asString()).isEqualTo(id);
        call(get(API + "/notifications"), null).expect(401);
    }

    @Test
    void anOrganizationIsNeverNotifiedOfItsOwnListings() {
        String b = organization("SelfB", "320509");
        String request = publishedRequest(b, "Safer electrolyte for battery packs", "320509");
        String offer = publishedOffer(b, "Solid-state electrolyte", "320509");
        String published = events().awaitEvent(offer, "OfferPublished").envelope().eventId();
        await().atMost(Duration.ofSeconds(20)).until(() -> processed.alreadyProcessed(ContinuousMatching.CONSUMER,
                published));
        continuousMatching.offerPublished(offer);
        continuousMatching.requestPublished(request);
        assertThat(stored(request, offer)).isZero();
    }
}
