package org.yrd.platform.techtransfer.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.yrd.platform.techtransfer.support.TechTransferIntegrationTest;
import tools.jackson.databind.JsonNode;

class RequestExpiryIntegrationTest extends TechTransferIntegrationTest {

    @Autowired
    RequestService requests;

    @Test
    void aRequestExpiresAtItsDeadlineOnceAndCanBeRenewedWithANewOne() {
        String org = organization("Deadline", "320509");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, Object> body = requestBody("Urgent need", "320509");
        body.put("deadline", today.toString());
        String id = submitRequest(partner(org), body);
        JsonNode published = review("requests", id, "APPROVE", null).expect(200).body();
        assertThat(Instant.parse(published.get("expiresAt").asString()))
                .isEqualTo(today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());

        Instant dayAfter = today.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
        TechnologyRequest first = mongo.findById(id, TechnologyRequest.class);
        TechnologyRequest second = mongo.findById(id, TechnologyRequest.class);
        assertThat(requests.expireOne(first, dayAfter)).isTrue();
        assertThat(requests.expireOne(second, dayAfter)).isFalse();
        assertThat(getAs(partner(org), API + "/requests/" + id).body().get("status").asString()).isEqualTo("EXPIRED");
        events().awaitEvent(id, "RequestExpired");
        assertThat(events().typesAbout(id)).containsExactly("RequestPublished", "RequestExpired");

        postAs(partner(org), API + "/requests/" + id + "/renew", Map.of("deadline", "2001-01-01")).expect(400);
        String newDeadline = today.plusMonths(3).toString();
        JsonNode renewed = postAs(partner(org), API + "/requests/" + id + "/renew", Map.of("deadline", newDeadline))
                .expect(200).body();
        assertThat(renewed.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(renewed.get("deadline").asString()).isEqualTo(newDeadline);
        postAs(partner(org), API + "/requests/" + id + "/renew", null).expect(409);
    }

    @Test
    void aRequestCannotBePublishedAfterItsDeadlinePassed() {
        String org = organization("Late", "320509");
        Map<String, Object> body = requestBody("Late need", "320509");
        body.put("deadline", LocalDate.now(ZoneOffset.UTC).toString());
        String id = submitRequest(partner(org), body);
        // the request waits for review past its deadline (moved back in the store instead of waiting a day)
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("deadline", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString()),
                TechnologyRequest.class);
        assertThat(mongo.findById(id, TechnologyRequest.class).getDeadline())
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).minusDays(1));

        JsonNode refused = review("requests", id, "APPROVE", null).expect(409).body();
        assertThat(refused.get("detail").asString()).contains("deadline");
        assertThat(getAs(staff(), API + "/requests/" + id).body().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(review("requests", id, "REJECT", "deadline passed").expect(200).body().get("status").asString())
                .isEqualTo("REJECTED");
        assertThat(events().typesAbout(id)).isEmpty();
    }
}
