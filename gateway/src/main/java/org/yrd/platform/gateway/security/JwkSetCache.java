package org.yrd.platform.gateway.security;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.netty.channel.ChannelOption;
import java.io.IOException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The issuer's signing keys for the JWT decoder ({@code NimbusReactiveJwtDecoder.withJwkSource}): fetched with
 * bounded timeouts, cached, and refreshed on an unknown key id at most once per minimum interval.
 * <p>
 * Spring's default remote source fetches again on every unknown {@code kid} with a WebClient that has no response
 * timeout: a token with a made-up key id forced an outbound call per request, and a pooled connection the issuer was
 * closing left the request unanswered. Here every path ends within the timeouts below, concurrent misses share one
 * fetch, and within the interval an unknown key id is simply "no matching key" (401 invalid_token).
 * <p>
 * The first load does not count against the interval (a key rotated just after start-up is picked up at once), and
 * while no set has ever been fetched every token waits for a (shared) fetch. A failed refresh keeps the keys fetched
 * before; until the interval is over an unknown key id then gets the same failure (503), as it did before.
 */
final class JwkSetCache implements Function<SignedJWT, Flux<JWK>>, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JwkSetCache.class);

    /** The issuer is on the local network: one that does not accept a connection in 1 s is down. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    /** A JWK set is a few hundred bytes: no answer in 2 s is no answer. */
    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(2);
    /**
     * Below the issuer's keep-alive (the local DevTokenIssuer closes idle connections after ~30 s), so a connection
     * the issuer is closing is never reused.
     */
    static final Duration MAX_IDLE_TIME = Duration.ofSeconds(10);
    /**
     * Keys older than this are fetched again in the background on their next use, so a key the issuer withdraws
     * stops being trusted within about this long even if no unknown key id ever triggers a refresh.
     */
    static final Duration MAX_AGE = Duration.ofMinutes(5);
    /** Backstop per attempt: the response timeout is per read, a body could still trickle in. */
    static final Duration ATTEMPT_TIMEOUT = CONNECT_TIMEOUT.plus(RESPONSE_TIMEOUT);

    private final URI jwkSetUri;
    private final Duration minRefreshInterval;
    private final Clock clock;
    private final ConnectionProvider connections;
    private final WebClient pooled;
    /** For the one retry: a new connection, never another pooled one the issuer may be closing. */
    private final WebClient unpooled;

    private final Object lock = new Object();
    /** The last set fetched; null until the first fetch succeeds. */
    private JWKSet keys;
    /** When {@link #keys} was fetched. */
    private Instant fetchedAt;
    /** Why the last fetch failed; null once one succeeds. */
    private Throwable failure;
    /** When an unknown key id last triggered a refresh (the first load aside): the rate limit. */
    private Instant lastMissRefresh;
    /** The fetch under way, shared by every caller waiting for it. */
    private Mono<JWKSet> inFlight;

    JwkSetCache(String jwkSetUri, Duration minRefreshInterval) {
        this(jwkSetUri, minRefreshInterval, Clock.systemUTC());
    }

    JwkSetCache(String jwkSetUri, Duration minRefreshInterval, Clock clock) {
        this.jwkSetUri = URI.create(jwkSetUri);
        this.minRefreshInterval = minRefreshInterval;
        this.clock = clock;
        this.connections = ConnectionProvider.builder("jwk-set")
                // one fetch at a time (shared), plus the retry
                .maxConnections(2)
                .pendingAcquireTimeout(CONNECT_TIMEOUT)
                .maxIdleTime(MAX_IDLE_TIME)
                .evictInBackground(MAX_IDLE_TIME)
                .build();
        this.pooled = webClient(HttpClient.create(connections));
        this.unpooled = webClient(HttpClient.newConnection());
    }

    private static WebClient webClient(HttpClient httpClient) {
        return WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(httpClient
                        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) CONNECT_TIMEOUT.toMillis())
                        .responseTimeout(RESPONSE_TIMEOUT)))
                .build();
    }

    /** The keys matching the token's header (key id, type, use); empty when there is none. */
    @Override
    public Flux<JWK> apply(SignedJWT jwt) {
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader()));
        return Mono.defer(() -> select(selector)).flatMapIterable(Function.identity());
    }

    private Mono<List<JWK>> select(JWKSelector selector) {
        Mono<JWKSet> refresh;
        boolean started = false;
        synchronized (lock) {
            if (keys != null) {
                List<JWK> found = selector.select(keys);
                if (!found.isEmpty()) {
                    if (inFlight == null && clock.instant().isAfter(fetchedAt.plus(MAX_AGE))) {
                        // answer with the cached keys now; the next tokens see what the issuer publishes today
                        startFetch().subscribe(set -> { }, error -> { });
                    }
                    return Mono.just(found);
                }
            }
            if (inFlight == null) {
                Instant now = clock.instant();
                if (keys != null) {
                    if (lastMissRefresh != null && now.isBefore(lastMissRefresh.plus(minRefreshInterval))) {
                        // refreshed a moment ago: the key id is unknown (401), or the issuer still down (503 as before)
                        return failure == null ? Mono.just(List.of()) : Mono.error(unavailable(failure));
                    }
                    lastMissRefresh = now;
                }
                startFetch();
                started = true;
            }
            refresh = inFlight;
        }
        if (started) {
            // runs to its end (bounded by the timeouts) even when every waiting request is cancelled
            refresh.subscribe(set -> { }, error -> { });
        }
        return refresh.map(selector::select);
    }

    /** Starts the shared fetch (the caller holds the lock and has checked that none is under way). */
    private Mono<JWKSet> startFetch() {
        inFlight = fetch()
                .doOnSuccess(this::fetched)
                .doOnError(this::failed)
                .onErrorMap(this::unavailable)
                .cache();
        return inFlight;
    }

    /** One attempt on a pooled connection and, on an I/O error or timeout, one on a fresh connection. */
    private Mono<JWKSet> fetch() {
        return attempt(pooled).onErrorResume(JwkSetCache::isTransient, error -> {
            log.debug("Fetching the JWK set from {} failed, retrying once on a fresh connection", jwkSetUri, error);
            return attempt(unpooled);
        });
    }

    private Mono<JWKSet> attempt(WebClient client) {
        return client.get().uri(jwkSetUri).accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(String.class)
                .defaultIfEmpty("")
                .timeout(ATTEMPT_TIMEOUT)
                .map(JwkSetCache::parse);
    }

    private static JWKSet parse(String body) {
        try {
            return JWKSet.parse(body);
        }
        catch (ParseException e) {
            throw new IllegalStateException("The JWK set is not valid JSON Web Keys", e);
        }
    }

    /** Refused, reset, closed under us or timed out: worth one more try. A 4xx/5xx answer or bad JSON is not. */
    private static boolean isTransient(Throwable error) {
        if (error instanceof WebClientRequestException) {
            return true;
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException || cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private void fetched(JWKSet fetchedKeys) {
        synchronized (lock) {
            keys = fetchedKeys;
            fetchedAt = clock.instant();
            failure = null;
            inFlight = null;
        }
    }

    private void failed(Throwable error) {
        log.warn("The JWK set could not be fetched from {}: {}", jwkSetUri,
                NestedExceptionUtils.getMostSpecificCause(error).toString());
        synchronized (lock) {
            // the keys fetched before stay: tokens signed with them keep working during an issuer outage
            failure = error;
            inFlight = null;
        }
    }

    /** Not a JwtException: the decoder maps it to one that Spring Security answers as a service error (503). */
    private IllegalStateException unavailable(Throwable cause) {
        return new IllegalStateException("The JWK set could not be fetched from " + jwkSetUri, cause);
    }

    @Override
    public void close() {
        connections.dispose();
    }
}
