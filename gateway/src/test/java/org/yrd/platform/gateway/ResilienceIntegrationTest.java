package org.yrd.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.yrd.platform.gateway.support.StubBackend;
import org.yrd.platform.gateway.support.TokenIssuer;

/**
 * Circuit breakers, time limiters, retries and load balancing against real backends that stop, restart, fail
 * and answer late. The breaker of techtransfer-service gets a short window and open-state wait here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "resilience4j.circuitbreaker.instances.techtransfer-service.sliding-window-size=4",
        "resilience4j.circuitbreaker.instances.techtransfer-service.minimum-number-of-calls=2",
        "resilience4j.circuitbreaker.instances.techtransfer-service.wait-duration-in-open-state=2s",
        "resilience4j.circuitbreaker.instances.techtransfer-service.permitted-number-of-calls-in-half-open-state=1",
        "resilience4j.timelimiter.instances.news-service.timeout-duration=2s"})
@DirtiesContext
class ResilienceIntegrationTest {

    static final TokenIssuer issuer = TokenIssuer.start();
    static final StubBackend agreementA = StubBackend.start("agreement-a");
    static final StubBackend agreementB = StubBackend.start("agreement-b");
    static final int deadPort = freePort();
    static final StubBackend news = StubBackend.start("news");
    static StubBackend techtransfer = StubBackend.start("techtransfer");

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        registry.add("AGREEMENT_SERVICE_URIS",
                () -> agreementA.baseUri() + "," + agreementB.baseUri() + ",http://127.0.0.1:" + deadPort);
        registry.add("NEWS_SERVICE_URIS", news::baseUri);
        registry.add("TECHTRANSFER_SERVICE_URIS", () -> techtransfer.baseUri());
        registry.add("JWT_ISSUER_URI", () -> TokenIssuer.ISSUER);
        registry.add("JWT_JWK_SET_URI", issuer::jwkSetUri);
        registry.add("MANAGEMENT_SERVER_PORT", () -> "0");
    }

    @AfterAll
    static void stopStubs() {
        issuer.close();
        agreementA.close();
        agreementB.close();
        news.close();
        techtransfer.close();
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    CircuitBreakerRegistry breakers;

    WebTestClient client;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(15)).build();
    }

    String bearer() {
        return "Bearer " + issuer.valid("bob", "org-2");
    }

    @Test
    void aStoppedServiceGetsFast503sForEveryMethodThenTheBreakerOpensAndRecovers() {
        CircuitBreaker breaker = breakers.circuitBreaker("techtransfer-service");
        assertThat(breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1)).isEqualTo(2000L);
        client.get().uri("/api/v1/techtransfer/offers").exchange().expectStatus().isOk();

        techtransfer.close();

        // down: connection refused, answered at once whatever the method (no 405 from the fallback)
        expectFast503(HttpMethod.GET);
        expectFast503(HttpMethod.POST);
        await().atMost(Duration.ofSeconds(2)).until(() -> breaker.getState() == CircuitBreaker.State.OPEN);
        // open: not even tried
        expectFast503(HttpMethod.PUT);
        expectFast503(HttpMethod.DELETE);
        WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build()
                .get().uri("/actuator/circuitbreakers").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.circuitBreakers['techtransfer-service'].state").isEqualTo("OPEN");

        techtransfer = techtransfer.restart();
        // still open until the wait has passed: the restarted service is left alone
        expectFast503(HttpMethod.GET);
        assertThat(techtransfer.received()).isEmpty();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).until(() ->
                client.get().uri("/api/v1/techtransfer/offers").exchange().returnResult(String.class)
                        .getStatus().value() == 200);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        client.post().uri("/api/v1/techtransfer/offers").header(HttpHeaders.AUTHORIZATION, bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isOk();
    }

    private void expectFast503(HttpMethod method) {
        long started = System.nanoTime();
        client.method(method).uri("/api/v1/techtransfer/offers/o-1")
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "2")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.type").isEqualTo("https://problems.yrd-platform.org/service-unavailable")
                .jsonPath("$.title").isNotEmpty()
                .jsonPath("$.detail").isNotEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
    }

    @Test
    void theTimeLimiterOfTheRouteIsTheConfiguredOneNotTheOneSecondDefault() {
        // 1.2 s is over Spring Cloud CircuitBreaker's silent 1 s default and under the route's 2 s
        client.get().uri("/api/v1/news?stubDelayMs=1200").exchange().expectStatus().isOk();

        long started = System.nanoTime();
        client.get().uri("/api/v1/news?stubDelayMs=4000").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("in time"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(1900),
                Duration.ofMillis(3500));
    }

    @Test
    void backend5xxCountsAsAFailureAndOnlyIdempotentRequestsAreRetried() {
        CircuitBreaker breaker = breakers.circuitBreaker("news-service");
        long failedBefore = breaker.getMetrics().getNumberOfFailedCalls();

        client.get().uri("/api/v1/news/a?stubStatus=500").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(news.count("GET", "/api/v1/news/a")).as("a 500 is not retried").isEqualTo(1);

        client.get().uri("/api/v1/news/b?stubStatus=503").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(news.count("GET", "/api/v1/news/b")).as("a 503 on GET is retried twice").isEqualTo(3);

        client.post().uri("/api/v1/news/c?stubStatus=503").header(HttpHeaders.AUTHORIZATION, bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(news.count("POST", "/api/v1/news/c")).as("a POST is never retried").isEqualTo(1);

        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(failedBefore + 3);
    }

    @Test
    void requestsAreSpreadOverAllInstancesAndGetsSkipADeadOne() {
        for (int i = 0; i < 6; i++) {
            client.get().uri("/api/v1/organizations/o-" + i).exchange().expectStatus().isOk();
        }
        assertThat(agreementA.received().stream().filter(r -> r.method().equals("GET"))).isNotEmpty();
        assertThat(agreementB.received().stream().filter(r -> r.method().equals("GET"))).isNotEmpty();

        // three POSTs walk the three instances once: the one on the dead instance fails, nothing is sent twice
        List<HttpStatus> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statuses.add((HttpStatus) client.post().uri("/api/v1/agreements").header(HttpHeaders.AUTHORIZATION, bearer())
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                    .exchange().returnResult(String.class).getStatus());
        }
        assertThat(statuses).containsExactlyInAnyOrder(HttpStatus.OK, HttpStatus.OK, HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(agreementA.count("POST", "/api/v1/agreements") + agreementB.count("POST", "/api/v1/agreements"))
                .isEqualTo(2);
    }

    @Test
    void anIssuerOutageIsA503ForUnknownKeysWhileKnownKeysKeepWorking() {
        // the first token fetches and caches the JWK set
        client.get().uri("/api/v1/news").header(HttpHeaders.AUTHORIZATION, bearer()).exchange().expectStatus().isOk();
        issuer.close();

        client.get().uri("/api/v1/news").header(HttpHeaders.AUTHORIZATION, "Bearer " + issuer.withRotatedKey())
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(503);
        client.get().uri("/api/v1/news").header(HttpHeaders.AUTHORIZATION, bearer()).exchange().expectStatus().isOk();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
