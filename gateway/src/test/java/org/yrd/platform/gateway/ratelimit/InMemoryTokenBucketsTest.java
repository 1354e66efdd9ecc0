package org.yrd.platform.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InMemoryTokenBucketsTest {

    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final InMemoryTokenBuckets buckets = new InMemoryTokenBuckets(now::get);
    final RateLimitProperties.Bucket twoPerSecondBurstTwo = new RateLimitProperties.Bucket(2, 1);

    TokenBuckets.Decision take(String key) {
        return buckets.tryConsume(key, twoPerSecondBurstTwo).block();
    }

    @Test
    void allowsTheBurstThenRefusesUntilATokenIsBack() {
        assertThat(take("a").remaining()).isEqualTo(1);
        assertThat(take("a").remaining()).isZero();
        TokenBuckets.Decision refused = take("a");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1));

        now.addAndGet(Duration.ofMillis(500).toNanos());
        assertThat(take("a").retryAfter()).isEqualTo(Duration.ofMillis(500));
        now.addAndGet(Duration.ofMillis(500).toNanos());
        assertThat(take("a").allowed()).isTrue();
    }

    @Test
    void callersHaveTheirOwnBuckets() {
        take("org:a");
        take("org:a");
        assertThat(take("org:a").allowed()).isFalse();
        assertThat(take("org:b").allowed()).isTrue();
    }

    @Test
    void refillNeverExceedsTheCapacity() {
        take("a");
        now.addAndGet(Duration.ofHours(1).toNanos());
        assertThat(take("a").remaining()).isEqualTo(1);
    }

    @Test
    void fullBucketsAreForgotten() {
        take("a");
        take("b");
        take("b");
        assertThat(buckets.size()).isEqualTo(2);
        now.addAndGet(Duration.ofMinutes(2).toNanos());
        take("c");
        // a and b are full again: swept; c was just used
        assertThat(buckets.size()).isEqualTo(1);
    }
}
