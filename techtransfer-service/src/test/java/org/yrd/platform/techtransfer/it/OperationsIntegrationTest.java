package org.yrd.platform.techtransfer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yrd.platform.techtransfer.support.TechTransferIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Metrics exist with low-cardinality tags only, and the OpenAPI document describes the endpoints. */
class OperationsIntegrationTest extends TechTransferIntegrationTest {

    @Autowired
    MeterRegistry registry;
    @Autowired
    BulkheadRegistry bulkheads;

    @Test
    void businessMetricsAreTaggedByFieldProvinceAndModeNeverById() {
        String a = organization("MetricA", "310118");
        String b = organization("MetricB", "320509");
        double before = counter("techtransfer.offers", "submitted");
        String offer = publishedOffer(a, "Metered electrolyte", "310118");
        String request = publishedRequest(b, "Metered need", "320509");
        String match = postAs(partner(b), API + "/matches", Map.of("requestId", request, "offerId", offer))
                .expect(201).id();
        postAs(partner(a), API + "/matches/" + match + "/accept", null).expect(200);
        postAs(staff(), API + "/matches/" + match + "/close-deal", Map.of("mode", "LICENSE",
                "value", Map.of("amount", 1000, "currency", "CNY"), "signedAt", "2026-01-01T00:00:00Z"))
                .expect(200);
        getAs(partner(b), API + "/requests/" + request + "/matches").expect(200);

        assertThat(counter("techtransfer.offers", "submitted")).isEqualTo(before + 1);
        assertThat(registry.get("techtransfer.offers").tags("event", "published", "field",
                "NEW_ENERGY_ENERGY_SAVING", "province", "310000").counter().count()).isPositive();
        assertThat(registry.get("techtransfer.requests").tags("event", "published", "province", "320000").counter()
                .count()).isPositive();
        assertThat(registry.get("techtransfer.matches.transitions").tags("from", "NEGOTIATING", "to", "DEAL_CLOSED")
                .counter().count()).isPositive();
        assertThat(registry.get("techtransfer.deals").tags("mode", "LICENSE", "province", "320000").counter().count())
                .isPositive();
        assertThat(registry.get("techtransfer.deals.value").tags("mode", "LICENSE").summary().totalAmount())
                .isGreaterThanOrEqualTo(1000);
        assertThat(registry.get("techtransfer.matching.queries").tags("direction", "offers-for-request").timer()
                .count()).isPositive();

        for (Meter meter : registry.getMeters()) {
            if (meter.getId().getName().startsWith("techtransfer.")) {
                for (Tag tag : meter.getId().getTags()) {
                    assertThat(tag.getKey()).isIn("event", "field", "province", "mode", "from", "to", "direction",
                            "outcome", "application");
                    assertThat(tag.getValue()).doesNotStartWith("org-").doesNotStartWith("off-")
                            .doesNotStartWith("req-").doesNotStartWith("match-").doesNotStartWith("deal-");
                }
            }
        }
    }

    @Test
    void rankingSitsBehindTheMatchingBulkheadAndAFullOneAnswers503() {
        String b = organization("Bulkhead", "320509");
        String request = publishedRequest(b, "Bulkhead need", "320509");
        Bulkhead bulkhead = bulkheads.bulkhead("matching");
        int permits = bulkhead.getBulkheadConfig().getMaxConcurrentCalls();
        int taken = 0;
        try {
            while (taken < permits && bulkhead.tryAcquirePermission()) {
                taken++;
            }
            Response busy = getAs(partner(b), API + "/requests/" + request + "/matches").expect(503);
            assertThat(busy.header("Retry-After")).isNotBlank();
            assertThat(busy.contentType()).startsWith("application/problem+json");
        } finally {
            for (int i = 0; i < taken; i++) {
                bulkhead.releasePermission();
            }
        }
        getAs(partner(b), API + "/requests/" + request + "/matches").expect(200);
    }

    @Test
    void theOpenApiDocumentListsTheEndpoints() {
        JsonNode docs = getAs(null, "/v3/api-docs").expect(200).body();
        JsonNode paths = docs.get("paths");
        assertThat(paths.has("/api/v1/techtransfer/offers")).isTrue();
        assertThat(paths.has("/api/v1/techtransfer/requests/{id}/matches")).isTrue();
        assertThat(paths.has("/api/v1/techtransfer/matches/{id}/close-deal")).isTrue();
        assertThat(paths.has("/api/v1/techtransfer/branch-centers/{branchCenterId}/queue")).isTrue();
        assertThat(paths.has("/api/v1/techtransfer/stats")).isTrue();
        assertThat(paths.get("/api/v1/techtransfer/offers").get("post").get("summary").asString())
                .contains("Submit an offer");
    }

    private double counter(String name, String event) {
        return registry.find(name).tag("event", event).counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
