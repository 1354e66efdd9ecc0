package org.yrd.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.yrd.platform.gateway.support.StubBackend;
import org.yrd.platform.gateway.support.TokenIssuer;

/**
 * The same limits with RATE_LIMIT_STORE=redis against a real redis-server started on a free port. Skipped,
 * with the reason, only when no redis-server binary is installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gateway.rate-limit.routes.news-service.read.capacity=3",
        "gateway.rate-limit.routes.news-service.read.refill-per-second=2"})
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisRateLimitIntegrationTest {

    static TokenIssuer issuer;
    static StubBackend backend;
    static Process redis;
    static int redisPort;

    @BeforeAll
    static void startRedis() throws Exception {
        Optional<Path> binary = redisServerBinary();
        assumeTrue(binary.isPresent(),
                "redis-server is not installed (apt-get install -y redis-server): Redis-backed rate limits not tested");
        redisPort = freePort();
        redis = new ProcessBuilder(binary.get().toString(), "--port", Integer.toString(redisPort),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        awaitPort(redisPort, Duration.ofSeconds(10));
        issuer = TokenIssuer.start();
        backend = StubBackend.start("any");
    }

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        registry.add("AGREEMENT_SERVICE_URIS", () -> backend.baseUri());
        registry.add("NEWS_SERVICE_URIS", () -> backend.baseUri());
        registry.add("TECHTRANSFER_SERVICE_URIS", () -> backend.baseUri());
        registry.add("JWT_ISSUER_URI", () -> TokenIssuer.ISSUER);
        registry.add("JWT_JWK_SET_URI", () -> issuer.jwkSetUri());
        registry.add("MANAGEMENT_SERVER_PORT", () -> "0");
        registry.add("RATE_LIMIT_STORE", () -> "redis");
        registry.add("REDIS_URL", () -> "redis://127.0.0.1:" + redisPort);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (redis != null && redis.isAlive()) {
            redis.destroy();
            redis.waitFor();
        }
        if (issuer != null) {
            issuer.close();
        }
        if (backend != null) {
            backend.close();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ReactiveStringRedisTemplate redisTemplate;

    WebTestClient client;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    @Order(1)
    void bucketsLiveInRedisAndBehaveTheSame() {
        RateLimitIntegrationTest.RateLimitChecks.readsAreLimitedThenRecover(client, backend);
        assertThat(redisTemplate.keys("rate-limit:news-service:read:ip:*").collectList().block())
                .as("the bucket is stored in Redis").isNotEmpty();
    }

    @Test
    @Order(2)
    void whenRedisIsDownTrafficFlows() throws InterruptedException {
        redis.destroy();
        redis.waitFor();
        for (int i = 0; i < 6; i++) {
            client.get().uri("/api/v1/news").exchange().expectStatus().isOk();
        }
    }

    private static Optional<Path> redisServerBinary() {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "redis-server"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitPort(int port, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            }
            catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("redis-server did not listen on port " + port + " within " + timeout);
    }
}
