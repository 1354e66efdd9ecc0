package org.yrd.platform.techtransfer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.yrd.platform.events.EventEnvelope;
import org.yrd.platform.events.Topics;
import org.yrd.platform.events.organization.OrganizationRegistered;
import org.yrd.platform.events.organization.OrganizationUpdated;
import org.yrd.platform.techtransfer.support.TechTransferIntegrationTest;
import tools.jackson.databind.JsonNode;

/** organizations.v1 in: the read model that decides who may submit, without calling agreement-service. */
class OrganizationReadModelIntegrationTest extends TechTransferIntegrationTest {

    @Test
    void anOrganizationAnnouncedOnTheTopicCanSubmitAtOnce() {
        String org = organization("Fudan", "310104");
        assertThat(directory.find(org).orElseThrow().provinceCode()).isEqualTo("310000");
        JsonNode offer = postAs(partner(org), API + "/offers", offerBody("Graphene film", "310104")).expect(201).body();
        assertThat(offer.get("organizationId").asString()).isEqualTo(org);
        assertThat(offer.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(offer.get("version").asLong()).isEqualTo(1);
    }

    @Test
    void staleAndRepeatedEventsDoNotOverwriteNewerState() {
        String org = "org-versioned-" + UUID.randomUUID().toString().substring(0, 8);
        EventEnvelope<OrganizationRegistered> registered = new EventEnvelope<>(UUID.randomUUID().toString(),
                "OrganizationRegistered", Instant.now(), org, 1,
                new OrganizationRegistered(org, Map.of("en-US", "Old name"), "UNIVERSITY", "320509"));
        EventEnvelope<OrganizationUpdated> updated = new EventEnvelope<>(UUID.randomUUID().toString(),
                "OrganizationUpdated", Instant.now(), org, 3,
                new OrganizationUpdated(org, Map.of("en-US", "New name"), "UNIVERSITY", "320583"));
        String marker = "org-marker-" + UUID.randomUUID().toString().substring(0, 8);
        EventEnvelope<OrganizationRegistered> markerEvent = new EventEnvelope<>(UUID.randomUUID().toString(),
                "OrganizationRegistered", Instant.now(), marker, 1,
                new OrganizationRegistered(marker, Map.of("en-US", "Marker"), "ENTERPRISE", "310118"));
        // one partition, so when the marker is applied everything before it was processed
        publish(Topics.ORGANIZATIONS, 2, updated);
        publish(Topics.ORGANIZATIONS, 2, registered);
        publish(Topics.ORGANIZATIONS, 2, updated);
        publish(Topics.ORGANIZATIONS, 2, markerEvent);
        await().atMost(Duration.ofSeconds(20)).until(() -> directory.find(marker).isPresent());

        var stored = directory.find(org).orElseThrow();
        assertThat(stored.name()).containsEntry("en-US", "New name");
        assertThat(stored.region()).isEqualTo("320583");
        assertThat(stored.aggregateVersion()).isEqualTo(3);
        assertThat(mongo.getCollection("organizations").countDocuments(new org.bson.Document("_id", org)))
                .isEqualTo(1);
    }

    @Test
    void anUnknownOrganizationIsA400() {
        String unknown = "org-nobody-" + UUID.randomUUID();
        JsonNode problem = postAs(partner(unknown), API + "/offers", offerBody("Ghost", "310118")).expect(400).body();
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("organizationId");
        assertThat(problem.get("errors").get(0).get("message").asString()).contains("not known");
        postAs(partner(unknown), API + "/requests", requestBody("Ghost", "310118")).expect(400);
        assertThat(mongo.getCollection("offers").countDocuments(new org.bson.Document("organizationId", unknown)))
                .isZero();
    }

    @Test
    void staffNameTheOrganizationAndPartnersCannotNameAnother() {
        String mine = organization("Mine", "320509");
        String other = organization("Other", "310118");

        var forOther = offerBody("Staff-entered", "310118");
        forOther.put("organizationId", other);
        assertThat(postAs(staff(), API + "/offers", forOther).expect(201).body().get("organizationId").asString())
                .isEqualTo(other);

        var missing = offerBody("No owner", "310118");
        assertThat(postAs(staff(), API + "/offers", missing).expect(400).body().get("errors").get(0).get("field")
                .asString()).isEqualTo("organizationId");
        var unknown = offerBody("Unknown owner", "310118");
        unknown.put("organizationId", "org-does-not-exist");
        postAs(staff(), API + "/offers", unknown).expect(400);

        // a partner naming another organization still submits for its own
        var spoofed = requestBody("Spoofed owner", "320509");
        spoofed.put("organizationId", other);
        String id = postAs(partner(mine), API + "/requests", spoofed).expect(201).id();
        assertThat(getAs(staff(), API + "/requests/" + id).expect(200).body().get("organizationId").asString())
                .isEqualTo(mine);
        getAs(partner(other), API + "/requests/" + id).expect(404);
    }
}
