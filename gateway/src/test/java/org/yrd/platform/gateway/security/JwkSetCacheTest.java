package org.yrd.platform.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.yrd.platform.gateway.support.TokenIssuer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The gateway's decoder ({@link SecurityConfiguration#jwtDecoder(JwkSetCache, String)}) over {@link JwkSetCache},
 * against a real JWK set over HTTP: fetches are counted at the issuer, time is a hand-moved clock.
 */
class JwkSetCacheTest {

    static final Duration INTERVAL = Duration.ofSeconds(30);
    /** What the decoder answers for a token no published key matches: Spring Security's 401 invalid_token. */
    static final String NO_MATCHING_KEY = BadJwtException.class.getSimpleName();
    /** Far above the ~4 s the timeouts allow, low enough to catch a hang; generous for a loaded 2-core machine. */
    static final Duration BOUND = Duration.ofSeconds(8);

    /** One for the class (its RSA keys take seconds to generate on a busy machine); each test has its own cache. */
    static final TokenIssuer issuer = TokenIssuer.start();

    final MovableClock clock = new MovableClock();
    JwkSetCache cache;
    ReactiveJwtDecoder decoder;
    int fetchesBefore;

    @BeforeEach
    void start() {
        cache = new JwkSetCache(issuer.jwkSetUri(), INTERVAL, clock);
        decoder = decoderOver(cache);
        fetchesBefore = issuer.jwkSetFetches();
    }

    @AfterEach
    void closeCache() {
        cache.close();
    }

    @AfterAll
    static void stopIssuer() {
        issuer.close();
    }

    @Test
    void validTokensAreCheckedAgainstTheCachedSet() {
        List<String> outcomes = decodeConcurrently(tokens(100, () -> issuer.valid("alice", "org-1")));

        assertThat(outcomes).hasSize(100).containsOnly("alice");
        assertThat(fetches()).as("one fetch, shared by concurrent first tokens").isEqualTo(1);
    }

    @Test
    void unknownKeyIdsFetchAtMostOncePerIntervalAndAreRejectedQuickly() {
        assertThat(decode(issuer.valid("alice", "org-1"))).isEqualTo("alice");
        List<String> burst = tokens(100, issuer::withUnknownKeyId);
        List<String> later = tokens(30, issuer::withUnknownKeyId);
        List<String> nextInterval = tokens(30, issuer::withUnknownKeyId);

        long started = System.nanoTime();
        assertThat(decodeConcurrently(burst)).hasSize(100).containsOnly(NO_MATCHING_KEY);
        assertThat(fetches()).as("the first miss refreshes, the others share it").isEqualTo(2);
        clock.advance(INTERVAL.minusSeconds(1));
        assertThat(decodeConcurrently(later)).hasSize(30).containsOnly(NO_MATCHING_KEY);
        assertThat(fetches()).isEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BOUND);

        clock.advance(Duration.ofSeconds(1));
        assertThat(decodeConcurrently(nextInterval)).hasSize(30).containsOnly(NO_MATCHING_KEY);
        assertThat(fetches()).as("one more per interval").isEqualTo(3);
    }

    @Test
    void aRotatedKeyIsAcceptedOnceTheIssuerPublishesItAndTheIntervalIsOver() {
        assertThat(decode(issuer.valid("alice", "org-1"))).isEqualTo("alice");
        assertThat(decode(issuer.withRotatedKey())).as("not published yet").isEqualTo(NO_MATCHING_KEY);
        assertThat(fetches()).isEqualTo(2);

        issuer.publishRotatedKey();
        assertThat(decode(issuer.withRotatedKey())).as("refreshed a moment ago").isEqualTo(NO_MATCHING_KEY);
        assertThat(fetches()).isEqualTo(2);

        clock.advance(INTERVAL);
        assertThat(decode(issuer.withRotatedKey())).isEqualTo("alice");
        assertThat(decode(issuer.valid("bob", "org-2"))).as("the old key still published").isEqualTo("bob");
        assertThat(fetches()).isEqualTo(3);
    }

    @Test
    void aKeyTheIssuerWithdrawsIsRefusedOnceTheCachedSetHasAgedOut() {
        try (TokenIssuer rotating = TokenIssuer.start();
             JwkSetCache rotatingCache = new JwkSetCache(rotating.jwkSetUri(), INTERVAL, clock)) {
            ReactiveJwtDecoder rotatingDecoder = decoderOver(rotatingCache);
            String firstKeyToken = rotating.valid("alice", "org-1");
            assertThat(rotatingDecoder.decode(firstKeyToken).block(BOUND).getSubject()).isEqualTo("alice");
            rotating.withdrawFirstKey();
            clock.advance(JwkSetCache.MAX_AGE.minusSeconds(1));
            assertThat(rotatingDecoder.decode(firstKeyToken).block(BOUND).getSubject()).as("still within its age")
                    .isEqualTo("alice");
            assertThat(rotating.jwkSetFetches()).isEqualTo(1);

            clock.advance(Duration.ofSeconds(2));
            // the aged set still answers this token, and is fetched again behind it
            assertThat(rotatingDecoder.decode(firstKeyToken).block(BOUND).getSubject()).isEqualTo("alice");
            await().atMost(BOUND).until(() -> rotating.jwkSetFetches() == 2);
            await().atMost(BOUND).untilAsserted(() ->
                    assertThatThrownBy(() -> rotatingDecoder.decode(firstKeyToken).block(BOUND))
                            .isInstanceOf(BadJwtException.class));
            assertThat(rotatingDecoder.decode(rotating.withRotatedKey()).block(BOUND).getSubject())
                    .isEqualTo("alice");
        }
    }

    @Test
    void anIssuerOutageFailsUnknownKeysAsUnavailableWhileKnownKeysKeepWorking() {
        try (TokenIssuer failing = TokenIssuer.start();
             JwkSetCache failingCache = new JwkSetCache(failing.jwkSetUri(), INTERVAL, clock)) {
            ReactiveJwtDecoder failingDecoder = decoderOver(failingCache);
            assertThat(failingDecoder.decode(failing.valid("alice", "org-1")).block(BOUND).getSubject())
                    .isEqualTo("alice");
            failing.close();

            for (int i = 0; i < 3; i++) {
                // a JwtException that is no BadJwtException: Spring Security answers it as a service error (503);
                // the first refreshes (connection refused, twice), the others get the same answer without a fetch
                assertThatThrownBy(() -> failingDecoder.decode(failing.withUnknownKeyId()).block(BOUND))
                        .isExactlyInstanceOf(JwtException.class)
                        .hasMessage("The signing keys could not be obtained");
            }
            assertThat(failingDecoder.decode(failing.valid("alice", "org-1")).block(BOUND).getSubject())
                    .isEqualTo("alice");
        }
    }

    @Test
    void aJwkSetEndpointThatNeverAnswersFailsWithinTheTimeouts() throws IOException {
        // the kernel accepts connections into the backlog; nobody ever reads or answers
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             JwkSetCache silentCache = new JwkSetCache(
                     "http://127.0.0.1:" + silent.getLocalPort() + "/.well-known/jwks.json", INTERVAL, clock)) {
            ReactiveJwtDecoder silentDecoder = decoderOver(silentCache);
            String token = issuer.valid("alice", "org-1");
            long started = System.nanoTime();

            assertThatThrownBy(() -> silentDecoder.decode(token).block(BOUND.multipliedBy(2)))
                    .isExactlyInstanceOf(JwtException.class)
                    .hasMessage("The signing keys could not be obtained");

            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(took).as("two attempts, each cut off by the response timeout").isLessThan(BOUND)
                    .isGreaterThanOrEqualTo(JwkSetCache.RESPONSE_TIMEOUT);
        }
    }

    /** The gateway's decoder, as its bean is made. */
    private static ReactiveJwtDecoder decoderOver(JwkSetCache keys) {
        return new SecurityConfiguration().jwtDecoder(keys, TokenIssuer.ISSUER);
    }

    /** JWK set fetches by this test's cache. */
    private int fetches() {
        return issuer.jwkSetFetches() - fetchesBefore;
    }

    /** The subject of the decoded token, or the simple name of the exception. */
    private String decode(String token) {
        return outcome(token).block(BOUND);
    }

    private static List<String> tokens(int count, Supplier<String> token) {
        return IntStream.range(0, count).mapToObj(i -> token.get()).toList();
    }

    private List<String> decodeConcurrently(List<String> tokens) {
        return Flux.fromIterable(tokens).flatMap(this::outcome, tokens.size()).collectList().block(BOUND);
    }

    private Mono<String> outcome(String token) {
        return decoder.decode(token).map(Jwt::getSubject)
                .onErrorResume(error -> Mono.just(error.getClass().getSimpleName()));
    }

    /** A clock that moves only when told to. */
    static final class MovableClock extends Clock {

        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
