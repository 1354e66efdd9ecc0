package org.yrd.platform.techtransfer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.yrd.platform.events.EventEnvelope;
import org.yrd.platform.events.Topics;
import org.yrd.platform.events.agreement.AgreementSigned;
import org.yrd.platform.events.agreement.AgreementTerminated;
import org.yrd.platform.events.agreement.BranchCenterRef;
import org.yrd.platform.events.agreement.PartyRef;
import org.yrd.platform.techtransfer.support.TechTransferIntegrationTest;
import tools.jackson.databind.JsonNode;

/** agreements.v1 in: branch centers created exactly once, and new requests routed to the nearest one. */
class BranchCenterIntegrationTest extends TechTransferIntegrationTest {

    @Test
    void theSameSignedAgreementCreatesOneBranchCenterHoweverOftenItArrives() {
        String agreement = "agr-fenhu-" + UUID.randomUUID().toString().substring(0, 8);
        EventEnvelope<AgreementSigned> signed = envelope(establishing(agreement, "320509", "Fenhu"), 2);
        String marker = "agr-marker-" + UUID.randomUUID().toString().substring(0, 8);
        // the same event twice, the same agreement under another event id, then a marker: all on one partition
        publish(Topics.AGREEMENTS, 1, signed);
        publish(Topics.AGREEMENTS, 1, signed);
        publish(Topics.AGREEMENTS, 1, envelope(establishing(agreement, "320509", "Fenhu"), 2));
        publish(Topics.AGREEMENTS, 1, envelope(framework(marker), 2));
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.getCollection("cooperation_agreements")
                .countDocuments(new Document("_id", marker)) == 1);

        assertThat(mongo.getCollection("branch_centers").countDocuments(new Document("agreementId", agreement)))
                .isEqualTo(1);
        JsonNode center = centers().stream().filter(c -> c.get("agreementId").asString().equals(agreement))
                .findFirst().orElseThrow();
        assertThat(center.get("id").asString()).isEqualTo("bc-" + agreement);
        assertThat(center.get("name").get("en-US").asString()).isEqualTo("Fenhu Branch Center");
        assertThat(center.get("regionInfo").get("nameEn").asString()).isEqualTo("Wujiang District");
        assertThat(center.get("status").asString()).isEqualTo("ACTIVE");
        // a framework agreement is not a branch center, but it is kept for ranking
        assertThat(centers()).noneMatch(c -> c.get("agreementId").asString().equals(marker));
    }

    @Test
    void requestsGoToTheNearestBranchCenterOrTheCentralQueue() {
        String wujiang = establish("320509", "Wujiang");
        establish("320102", "Xuanwu");
        String org = organization("Router", "320509");

        // other tests may have centers too, so the check is on where the chosen center is
        assertThat(centerRegion(routedTo(org, "320509"))).as("same county").isEqualTo("320509");
        assertThat(centerRegion(routedTo(org, "320583"))).as("same prefecture (Suzhou)").startsWith("3205");
        assertThat(centerRegion(routedTo(org, "320115"))).as("same prefecture (Nanjing)").startsWith("3201");
        assertThat(centerRegion(routedTo(org, "321002"))).as("same province only").startsWith("32");
        assertThat(routedTo(org, "340104")).as("no center in Anhui").isEqualTo("central");

        // the queue of a center lists its requests awaiting review, and only to staff
        String queued = submitRequest(partner(org), requestBody("Queued need", "320583"));
        String center = getAs(staff(), API + "/requests/" + queued).expect(200).body().get("branchCenterId")
                .asString();
        List<String> queue = ids(getAs(staff(), API + "/branch-centers/" + center + "/queue?size=100").expect(200)
                .body().get("content"));
        assertThat(queue).contains(queued);
        review("requests", queued, "APPROVE", null).expect(200);
        assertThat(ids(getAs(staff(), API + "/branch-centers/" + center + "/queue?size=100").expect(200).body()
                .get("content"))).doesNotContain(queued);
        String central = submitRequest(partner(org), requestBody("Far away need", "340104"));
        assertThat(ids(getAs(staff(), API + "/branch-centers/central/queue?size=100").expect(200).body()
                .get("content"))).contains(central);
        getAs(partner(org), API + "/branch-centers/" + wujiang + "/queue").expect(403);
        getAs(null, API + "/branch-centers/" + wujiang + "/queue").expect(401);
        getAs(staff(), API + "/branch-centers/bc-nope/queue").expect(404);
    }

    @Test
    void aTerminatedAgreementClosesItsBranchCenter() {
        String agreement = "agr-close-" + UUID.randomUUID().toString().substring(0, 8);
        publish(Topics.AGREEMENTS, null, envelope(establishing(agreement, "330106", "Xihu"), 2));
        await().atMost(Duration.ofSeconds(20)).until(() -> centers().stream()
                .anyMatch(c -> c.get("agreementId").asString().equals(agreement)));
        publish(Topics.AGREEMENTS, null, new EventEnvelope<>(UUID.randomUUID().toString(), "AgreementTerminated",
                Instant.now(), agreement, 4, new AgreementTerminated(agreement, "ended", List.of("org-ntme"))));
        await().atMost(Duration.ofSeconds(20)).until(() -> centers().stream()
                .anyMatch(c -> c.get("agreementId").asString().equals(agreement)
                        && c.get("status").asString().equals("CLOSED")));
        String org = organization("Hangzhou", "330106");
        assertThat(routedTo(org, "330106")).isNotEqualTo("bc-" + agreement);
    }

    private String establish(String region, String name) {
        String agreement = "agr-" + name.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        publish(Topics.AGREEMENTS, null, envelope(establishing(agreement, region, name), 2));
        await().atMost(Duration.ofSeconds(20)).until(() -> centers().stream()
                .anyMatch(c -> c.get("agreementId").asString().equals(agreement)));
        return "bc-" + agreement;
    }

    private String centerRegion(String centerId) {
        return centers().stream().filter(c -> c.get("id").asString().equals(centerId)).findFirst()
                .map(c -> c.get("region").asString()).orElse("none");
    }

    private String routedTo(String org, String region) {
        return postAs(partner(org), API + "/requests", requestBody("Routed need", region)).expect(201).body()
                .get("branchCenterId").asString();
    }

    private List<JsonNode> centers() {
        List<JsonNode> list = new ArrayList<>();
        getAs(null, API + "/branch-centers").expect(200).body().forEach(list::add);
        return list;
    }

    private static List<String> ids(JsonNode content) {
        List<String> ids = new ArrayList<>();
        content.forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private static <P extends org.yrd.platform.events.IntegrationEvent> EventEnvelope<P> envelope(P event,
                                                                                                  long version) {
        return new EventEnvelope<>(UUID.randomUUID().toString(), event.type(), Instant.now(), event.aggregateId(),
                version, event);
    }

    static AgreementSigned establishing(String agreement, String region, String name) {
        return new AgreementSigned(agreement, Map.of("en-US", "Establishment of the " + name + " Branch Center"),
                "BRANCH_CENTER_ESTABLISHMENT",
                List.of(new PartyRef("org-ntme", Map.of("en-US", "NTME"), "310115", "founder"),
                        new PartyRef("org-host-" + name, Map.of("en-US", name + " host"), region, "host")),
                List.of("SCIENCE_TECHNOLOGY"), List.of(), Instant.parse("2019-07-23T02:00:00Z"), "Qingpu",
                LocalDate.parse("2019-07-23"), LocalDate.parse("2029-07-22"),
                new BranchCenterRef(Map.of("en-US", name + " Branch Center", "zh-CN", name + "分中心"), region,
                        "org-host-" + name));
    }

    static AgreementSigned framework(String agreement) {
        return new AgreementSigned(agreement, Map.of("en-US", "Framework"), "COOPERATION_FRAMEWORK",
                List.of(new PartyRef("org-x", Map.of("en-US", "X"), "310118", null)), List.of("TALENT"), List.of(),
                Instant.now(), "Shanghai", LocalDate.now(), LocalDate.now().plusYears(3), null);
    }
}
