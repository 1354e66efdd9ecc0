package org.yrd.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.yrd.platform.gateway.support.StubBackend;
import org.yrd.platform.gateway.support.TokenIssuer;

/**
 * {@code POST /dev/token}: relayed to the local token issuer only when {@code DEV_TOKEN_ISSUER_URI} is set (the
 * local stack), never otherwise; the Content-Security-Policy stays {@code connect-src 'self'} either way.
 */
class DevTokenRouteIntegrationTest {

    static final TokenIssuer issuer = TokenIssuer.start();
    static final StubBackend devIssuer = StubBackend.start("dev-token-issuer");
    static final StubBackend services = StubBackend.start("services");

    static void common(DynamicPropertyRegistry registry) {
        registry.add("AGREEMENT_SERVICE_URIS", services::baseUri);
        registry.add("NEWS_SERVICE_URIS", services::baseUri);
        registry.add("TECHTRANSFER_SERVICE_URIS", services::baseUri);
        registry.add("JWT_ISSUER_URI", () -> TokenIssuer.ISSUER);
        registry.add("JWT_JWK_SET_URI", issuer::jwkSetUri);
        registry.add("MANAGEMENT_SERVER_PORT", () -> "0");
    }

    @AfterAll
    static void stop() {
        issuer.close();
        devIssuer.close();
        services.close();
    }

    static WebTestClient client(int port) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(15)).build();
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    class OnTheLocalStack {

        @DynamicPropertySource
        static void environment(DynamicPropertyRegistry registry) {
            common(registry);
            registry.add("DEV_TOKEN_ISSUER_URI", devIssuer::baseUri);
        }

        @LocalServerPort
        int port;

        @Test
        void aTokenRequestFromThisMachineIsRelayedWithoutCredentialsAndTheCspStaysSelf() {
            client(port).post().uri("/dev/token")
                    .header(HttpHeaders.COOKIE, "session=x")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"sub\":\"alice\",\"roles\":[\"PARTNER\"]}")
                    .exchange()
                    .expectStatus().isOk()
                    .expectHeader().value("Content-Security-Policy",
                            csp -> assertThat(csp).contains("connect-src 'self';"))
                    .expectBody().jsonPath("$.service").isEqualTo("dev-token-issuer")
                    .jsonPath("$.path").isEqualTo("/dev/token");
            StubBackend.ReceivedRequest received = devIssuer.received().get(devIssuer.received().size() - 1);
            assertThat(received.headers()).doesNotContainKeys("cookie", "authorization");
        }

        @Test
        void onlyPostIsOpen() {
            client(port).get().uri("/dev/token").exchange().expectStatus().isEqualTo(HttpStatus.UNAUTHORIZED);
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    class InProduction {

        @DynamicPropertySource
        static void environment(DynamicPropertyRegistry registry) {
            common(registry);
        }

        @LocalServerPort
        int port;

        @Test
        void thereIsNoTokenPath() {
            long before = devIssuer.received().size();
            client(port).post().uri("/dev/token").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"sub\":\"alice\",\"roles\":[\"STAFF\"]}")
                    .exchange()
                    .expectStatus().isEqualTo(HttpStatus.UNAUTHORIZED)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(devIssuer.received()).hasSize((int) before);
        }
    }
}
