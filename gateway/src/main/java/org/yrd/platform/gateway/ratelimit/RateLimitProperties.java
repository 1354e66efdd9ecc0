package org.yrd.platform.gateway.ratelimit;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token buckets per caller: the JWT {@code org} claim for authenticated callers, the client IP for anonymous ones.
 *
 * @param enabled          switch rate limiting off entirely (e.g. for load tests)
 * @param store            where buckets live: {@code memory} (one gateway instance) or {@code redis} (shared)
 * @param trustedProxyHops how many reverse proxies in front of the gateway append to X-Forwarded-For; 0 trusts
 *                         none and uses the TCP peer address, so a client cannot pick its own bucket
 * @param defaults         the policy of routes without their own
 * @param routes           per route id, overrides {@code defaults}
 */
@ConfigurationProperties("gateway.rate-limit")
public record RateLimitProperties(Boolean enabled, Store store, int trustedProxyHops, Policy defaults,
                                  Map<String, Policy> routes) {

    public enum Store { MEMORY, REDIS }

    /** Reads (GET, HEAD, OPTIONS) and writes (everything else) have separate buckets, writes stricter. */
    public record Policy(Bucket read, Bucket write) {
    }

    /**
     * @param capacity        the burst a caller may send at once
     * @param refillPerSecond the sustained rate, tokens added per second
     */
    public record Bucket(long capacity, double refillPerSecond) {

        public Bucket {
            if (capacity < 1 || refillPerSecond <= 0) {
                throw new IllegalArgumentException("a bucket needs capacity >= 1 and refill-per-second > 0");
            }
        }
    }

    public RateLimitProperties {
        enabled = enabled == null || enabled;
        store = store == null ? Store.MEMORY : store;
        defaults = defaults == null ? new Policy(null, null) : defaults;
        routes = routes == null ? Map.of() : Map.copyOf(routes);
    }

    /** The bucket for a route and kind of request, or null when that traffic is not limited. */
    Bucket bucketFor(String routeId, boolean write) {
        Policy policy = routes.get(routeId);
        Bucket routeBucket = policy == null ? null : (write ? policy.write() : policy.read());
        return routeBucket != null ? routeBucket : (write ? defaults.write() : defaults.read());
    }
}
