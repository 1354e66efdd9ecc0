package org.yrd.platform.gateway.ratelimit;

import java.time.Duration;
import reactor.core.publisher.Mono;

/** Takes one token from a caller's bucket, wherever the buckets are stored. */
interface TokenBuckets {

    Mono<Decision> tryConsume(String key, RateLimitProperties.Bucket bucket);

    /**
     * @param remaining  whole tokens left after this request
     * @param retryAfter when the next token is available; zero when allowed
     */
    record Decision(boolean allowed, long remaining, Duration retryAfter) {
    }
}
