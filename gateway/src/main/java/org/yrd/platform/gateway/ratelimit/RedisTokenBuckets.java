package org.yrd.platform.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Buckets shared by all gateway instances, one Lua script call per request. When Redis is unreachable the
 * gateway lets traffic through (fails open): an outage of the limiter must not become an outage of the platform.
 */
class RedisTokenBuckets implements TokenBuckets {

    private static final Logger log = LoggerFactory.getLogger(RedisTokenBuckets.class);

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final RedisScript<List<Long>> SCRIPT =
            (RedisScript) RedisScript.of(new ClassPathResource("scripts/token-bucket.lua"), List.class);

    /** After a failure, Redis is left alone this long: requests pass without waiting for another timeout. */
    private static final long COOL_DOWN_NANOS = Duration.ofSeconds(5).toNanos();

    private final ReactiveStringRedisTemplate redis;
    private final Duration timeout;
    private volatile long skipUntilNanos = System.nanoTime();

    RedisTokenBuckets(ReactiveStringRedisTemplate redis, Duration timeout) {
        this.redis = redis;
        this.timeout = timeout;
    }

    @Override
    public Mono<Decision> tryConsume(String key, RateLimitProperties.Bucket bucket) {
        if (System.nanoTime() - skipUntilNanos < 0) {
            return Mono.just(unlimited(bucket));
        }
        return redis.execute(SCRIPT, List.of(key),
                        List.of(Long.toString(bucket.capacity()), Double.toString(bucket.refillPerSecond())))
                .next()
                .map(result -> new Decision(result.get(0) == 1L, result.get(1), Duration.ofMillis(result.get(2))))
                .timeout(timeout)
                .onErrorResume(error -> {
                    skipUntilNanos = System.nanoTime() + COOL_DOWN_NANOS;
                    log.warn("Rate limiting paused for 5 s, Redis unavailable: {}", error.toString());
                    return Mono.just(unlimited(bucket));
                });
    }

    private static Decision unlimited(RateLimitProperties.Bucket bucket) {
        return new Decision(true, bucket.capacity(), Duration.ZERO);
    }
}
