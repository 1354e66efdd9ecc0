package org.yrd.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.yrd.platform.gateway.support.StubBackend;
import org.yrd.platform.gateway.support.TokenIssuer;

/** In-memory token buckets: per client IP for anonymous reads, per organization for writes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gateway.rate-limit.routes.news-service.read.capacity=3",
        "gateway.rate-limit.routes.news-service.read.refill-per-second=2",
        "gateway.rate-limit.routes.news-service.write.capacity=2",
        "gateway.rate-limit.routes.news-service.write.refill-per-second=0.2"})
@DirtiesContext
class RateLimitIntegrationTest {

    static final TokenIssuer issuer = TokenIssuer.start();
    static final StubBackend backend = StubBackend.start("any");

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        registry.add("AGREEMENT_SERVICE_URIS", backend::baseUri);
        registry.add("NEWS_SERVICE_URIS", backend::baseUri);
        registry.add("TECHTRANSFER_SERVICE_URIS", backend::baseUri);
        registry.add("JWT_ISSUER_URI", () -> TokenIssuer.ISSUER);
        registry.add("JWT_JWK_SET_URI", issuer::jwkSetUri);
        registry.add("MANAGEMENT_SERVER_PORT", () -> "0");
        registry.add("RATE_LIMIT_STORE", () -> "memory");
    }

    @AfterAll
    static void stop() {
        issuer.close();
        backend.close();
    }

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void anonymousReadsAreLimitedPerClientAndRecoverAfterRefill() {
        RateLimitChecks.readsAreLimitedThenRecover(client, backend);
    }

    @Test
    void writesAreLimitedPerOrganization() {
        String orgA = "Bearer " + issuer.valid("alice", "org-a");
        String orgA2 = "Bearer " + issuer.valid("anna", "org-a");
        String orgB = "Bearer " + issuer.valid("bob", "org-b");
        post(orgA).expectStatus().isOk();
        // another user of the same organization shares its bucket
        post(orgA2).expectStatus().isOk();
        RateLimitChecks.expect429(post(orgA));
        post(orgB).expectStatus().isOk();
        // reads have their own bucket
        client.get().uri("/api/v1/news").header(HttpHeaders.AUTHORIZATION, orgA).exchange().expectStatus().isOk();
        // other routes too
        client.post().uri("/api/v1/agreements").header(HttpHeaders.AUTHORIZATION, orgA)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange().expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec post(String authorization) {
        return client.post().uri("/api/v1/news").header(HttpHeaders.AUTHORIZATION, authorization)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange();
    }

    /** Shared with the Redis-backed test: the behaviour must not depend on the store. */
    static final class RateLimitChecks {

        static void readsAreLimitedThenRecover(WebTestClient client, StubBackend backend) {
            for (int expectedRemaining = 2; expectedRemaining >= 0; expectedRemaining--) {
                client.get().uri("/api/v1/news").exchange()
                        .expectStatus().isOk()
                        .expectHeader().valueEquals("RateLimit-Remaining", Integer.toString(expectedRemaining));
            }
            long served = backend.count("GET", "/api/v1/news");
            expect429(client.get().uri("/api/v1/news").exchange());
            assertThat(backend.count("GET", "/api/v1/news")).as("a limited request never reaches the service")
                    .isEqualTo(served);

            await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(200)).until(() ->
                    client.get().uri("/api/v1/news").exchange().returnResult(String.class).getStatus().value() == 200);
        }

        static void expect429(WebTestClient.ResponseSpec response) {
            response.expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().value(HttpHeaders.RETRY_AFTER, value -> assertThat(Long.parseLong(value)).isPositive())
                    .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                    .expectBody()
                    .jsonPath("$.status").isEqualTo(429)
                    .jsonPath("$.type").isEqualTo("https://problems.yrd-platform.org/rate-limited")
                    .jsonPath("$.detail").isNotEmpty();
        }
    }
}
