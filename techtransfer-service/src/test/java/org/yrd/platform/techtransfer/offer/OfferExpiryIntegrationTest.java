package org.yrd.platform.techtransfer.offer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yrd.platform.techtransfer.support.TechTransferIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Expiry after the lifetime, exactly once across racing instances, and the one renewal. */
class OfferExpiryIntegrationTest extends TechTransferIntegrationTest {

    @Autowired
    OfferService offers;

    @Test
    void aPublishedOfferExpiresOnceEvenWhenTwoInstancesRace() {
        String org = organization("Expiring", "310118");
        String id = publishedOffer(org, "Expiring electrolyte", "310118");
        Instant later = Instant.now().plus(Duration.ofDays(366));

        // two instances read the same version before either writes
        Offer seenByFirst = mongo.findById(id, Offer.class);
        Offer seenBySecond = mongo.findById(id, Offer.class);
        assertThat(offers.expireOne(seenByFirst, later)).isTrue();
        assertThat(offers.expireOne(seenBySecond, later)).as("the stale copy is a no-op").isFalse();
        // and a rerun of the scan finds nothing left to do for it
        offers.expireDue(later);

        JsonNode expired = getAs(partner(org), API + "/offers/" + id).expect(200).body();
        assertThat(expired.get("status").asString()).isEqualTo("EXPIRED");
        assertThat(expired.get("version").asLong()).isEqualTo(3);
        getAs(null, API + "/offers/" + id).expect(404);
        events().awaitEvent(id, "OfferExpired");
        assertThat(events().typesAbout(id)).containsExactly("OfferPublished", "OfferExpired");
    }

    @Test
    void theScanExpiresWhatIsDueAndLeavesTheRest() {
        String org = organization("Scanned", "310118");
        String due = publishedOffer(org, "Due electrolyte", "310118");
        Instant later = Instant.now().plus(Duration.ofDays(366));
        String fresh = submitOffer(partner(org), offerBody("Still submitted", "310118"));
        assertThat(offers.expireDue(later)).isGreaterThanOrEqualTo(1);
        assertThat(getAs(staff(), API + "/offers/" + due).body().get("status").asString()).isEqualTo("EXPIRED");
        assertThat(getAs(staff(), API + "/offers/" + fresh).body().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(offers.expireDue(Instant.now())).as("nothing is due now").isZero();
    }

    @Test
    void anExpiredOfferIsRenewedOnceAndPublishedAgain() {
        String org = organization("Renewing", "310118");
        String id = publishedOffer(org, "Renewed electrolyte", "310118");
        JsonNode early = postAs(partner(org), API + "/offers/" + id + "/renew", null).expect(409).body();
        assertThat(early.get("detail").asString()).contains("can be renewed from");

        offers.expireOne(mongo.findById(id, Offer.class), Instant.now().plus(Duration.ofDays(366)));
        postAs(partner(organization("Stranger", "310118")), API + "/offers/" + id + "/renew", null).expect(404);
        JsonNode renewed = postAs(partner(org), API + "/offers/" + id + "/renew", null).expect(200).body();
        assertThat(renewed.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(renewed.get("renewed").asBoolean()).isTrue();
        assertThat(Instant.parse(renewed.get("expiresAt").asString()))
                .isAfter(Instant.now().plus(Duration.ofDays(364)));
        getAs(null, API + "/offers/" + id).expect(200);
        postAs(staff(), API + "/offers/" + id + "/renew", null).expect(409);

        List<String> types = events().about(id).stream().map(p -> p.envelope().type()).toList();
        while (types.size() < 3) {
            events().awaitEvent(id, "OfferExpired");
            types = events().about(id).stream().map(p -> p.envelope().type()).toList();
        }
        assertThat(types).containsExactly("OfferPublished", "OfferExpired", "OfferPublished");
    }
}
