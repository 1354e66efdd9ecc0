package org.yrd.platform.techtransfer.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.yrd.platform.commons.outbox.AggregateStore;
import org.yrd.platform.events.techtransfer.OrganizationRef;
import org.yrd.platform.techtransfer.listing.MoneyAmount;
import org.yrd.platform.techtransfer.listing.TransferMode;
import org.yrd.platform.techtransfer.support.TechTransferIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Closing a deal writes the match, then the request. If the service stops between the two writes, the stored
 * DealClosed still goes out and this service's own consumer marks the request MATCHED. And the store itself
 * refuses a second deal on one request.
 */
class DealConvergenceIntegrationTest extends TechTransferIntegrationTest {

    @Autowired
    AggregateStore store;

    @Test
    void aDealStoredWithoutTheRequestWriteStillMatchesTheRequest() {
        String a = organization("ConvA", "310118");
        String b = organization("ConvB", "320509");
        String offer = publishedOffer(a, "Converging electrolyte", "310118");
        String request = publishedRequest(b, "Converging need", "320509");
        String id = postAs(partner(b), API + "/matches", Map.of("requestId", request, "offerId", offer))
                .expect(201).id();
        postAs(partner(a), API + "/matches/" + id + "/accept", null).expect(200);

        // only the first of the two writes happens, as if the instance died right after it
        Match match = mongo.findById(id, Match.class);
        store.update(match, match.getVersion(), match.closeDeal(TransferMode.JOINT_DEVELOPMENT,
                new MoneyAmount(new BigDecimal("300000"), "CNY"), Instant.parse("2026-02-01T00:00:00Z"),
                Instant.now(), new OrganizationRef(a, Map.of(), "310118"), new OrganizationRef(b, Map.of(), "320509")));
        String dealId = match.getDeal().dealId();

        JsonNode converged = await().atMost(Duration.ofSeconds(20)).until(
                () -> getAs(partner(b), API + "/requests/" + request).expect(200).body(),
                body -> "MATCHED".equals(body.get("status").asString()));
        assertThat(converged.get("dealId").asString()).isEqualTo(dealId);
        events().awaitEvent(request, "RequestMatched");
    }

    @Test
    void theStoreRefusesASecondDealOnTheSameRequest() {
        String a = organization("TwiceA", "310118");
        String c = organization("TwiceC", "330421");
        String b = organization("TwiceB", "320509");
        String offerA = publishedOffer(a, "Twice electrolyte", "310118");
        String offerC = publishedOffer(c, "Twice electrolyte too", "330421");
        String request = publishedRequest(b, "Twice need", "320509");
        String first = postAs(partner(b), API + "/matches", Map.of("requestId", request, "offerId", offerA))
                .expect(201).id();
        String second = postAs(partner(b), API + "/matches", Map.of("requestId", request, "offerId", offerC))
                .expect(201).id();
        postAs(partner(a), API + "/matches/" + first + "/accept", null).expect(200);
        postAs(partner(c), API + "/matches/" + second + "/accept", null).expect(200);

        // two staff members close both at the same moment: both passed the request check before either wrote
        Match one = mongo.findById(first, Match.class);
        Match two = mongo.findById(second, Match.class);
        MoneyAmount value = new MoneyAmount(BigDecimal.TEN, "CNY");
        OrganizationRef ref = new OrganizationRef(b, Map.of(), "320509");
        store.update(one, one.getVersion(), one.closeDeal(TransferMode.LICENSE, value, Instant.now(), Instant.now(),
                ref, ref));
        long version = two.getVersion();
        var events = two.closeDeal(TransferMode.LICENSE, value, Instant.now(), Instant.now(), ref, ref);
        assertThatThrownBy(() -> store.update(two, version, events)).isInstanceOf(DuplicateKeyException.class);
        assertThat(mongo.findById(second, Match.class).getStatus()).isEqualTo(MatchStatus.NEGOTIATING);
    }
}
