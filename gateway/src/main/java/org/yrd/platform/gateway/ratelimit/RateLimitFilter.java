package org.yrd.platform.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.Set;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.ipresolver.RemoteAddressResolver;
import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.yrd.platform.gateway.problem.ProblemWriter;
import org.yrd.platform.gateway.problem.Problems;
import reactor.core.publisher.Mono;

/**
 * One bucket per route, kind of request (read or write) and caller. Runs once the route is known and the token
 * validated, before the circuit breaker: a rate-limited request never counts against a service.
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final RateLimitProperties properties;
    private final TokenBuckets buckets;
    private final ProblemWriter problems;
    private final RemoteAddressResolver addresses;

    RateLimitFilter(RateLimitProperties properties, TokenBuckets buckets, ProblemWriter problems) {
        this.properties = properties;
        this.buckets = buckets;
        this.problems = problems;
        this.addresses = properties.trustedProxyHops() > 0
                ? XForwardedRemoteAddressResolver.maxTrustedIndex(properties.trustedProxyHops())
                : new RemoteAddressResolver() { };
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (!properties.enabled() || route == null) {
            return chain.filter(exchange);
        }
        boolean write = !READS.contains(exchange.getRequest().getMethod());
        RateLimitProperties.Bucket bucket = properties.bucketFor(route.getId(), write);
        if (bucket == null) {
            return chain.filter(exchange);
        }
        return caller(exchange)
                .flatMap(caller -> buckets.tryConsume(
                        "rate-limit:" + route.getId() + ":" + (write ? "write" : "read") + ":" + caller, bucket))
                .flatMap(decision -> {
                    HttpHeaders headers = exchange.getResponse().getHeaders();
                    headers.set("RateLimit-Limit", Long.toString(bucket.capacity()));
                    headers.set("RateLimit-Remaining", Long.toString(decision.remaining()));
                    if (decision.allowed()) {
                        return chain.filter(exchange);
                    }
                    long retryAfterSeconds = Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000);
                    HttpHeaders retry = new HttpHeaders();
                    retry.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
                    return problems.write(exchange, Problems.tooManyRequests(retryAfterSeconds), retry);
                });
    }

    /** The organization of an authenticated caller (its user when the token has no org), else the client IP. */
    private Mono<String> caller(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(JwtAuthenticationToken.class::cast)
                .map(token -> {
                    String org = token.getToken().getClaimAsString("org");
                    return org != null && !org.isBlank() ? "org:" + org : "sub:" + token.getName();
                })
                .defaultIfEmpty("ip:" + clientAddress(exchange));
    }

    private String clientAddress(ServerWebExchange exchange) {
        InetSocketAddress address = addresses.resolve(exchange);
        if (address == null) {
            return "unknown";
        }
        return address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
    }

    @Override
    public int getOrder() {
        // after the gateway's RemoveCachedBodyFilter, before the body is cached for the circuit breaker's fallback
        return HIGHEST_PRECEDENCE + 100;
    }
}
