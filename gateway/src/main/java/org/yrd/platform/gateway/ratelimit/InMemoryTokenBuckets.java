package org.yrd.platform.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import reactor.core.publisher.Mono;

/**
 * Buckets in this gateway's memory: exact for one instance, per instance when scaled out (use Redis then).
 * Buckets that have refilled completely carry no information and are swept once a minute.
 * A bucket keeps the capacity and rate it was created with until it is swept (config changes need a restart).
 */
class InMemoryTokenBuckets implements TokenBuckets {

    private static final long SWEEP_INTERVAL_NANOS = Duration.ofMinutes(1).toNanos();

    private final ConcurrentHashMap<String, State> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;
    private final AtomicLong lastSweep;

    InMemoryTokenBuckets() {
        this(System::nanoTime);
    }

    InMemoryTokenBuckets(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.lastSweep = new AtomicLong(nanoClock.getAsLong());
    }

    @Override
    public Mono<Decision> tryConsume(String key, RateLimitProperties.Bucket bucket) {
        long now = nanoClock.getAsLong();
        Decision[] decision = new Decision[1];
        // compute() runs under the map's lock for this key: the read-modify-write is atomic
        buckets.compute(key, (ignored, previous) -> {
            State state = previous == null ? State.full(bucket, now) : previous.refilledAt(now);
            if (state.tokens() >= 1) {
                decision[0] = new Decision(true, (long) (state.tokens() - 1), Duration.ZERO);
                return state.minusOne();
            }
            long waitNanos = (long) Math.ceil((1 - state.tokens()) / state.refillPerNano());
            decision[0] = new Decision(false, 0, Duration.ofNanos(waitNanos));
            return state;
        });
        sweepIfDue(now);
        return Mono.just(decision[0]);
    }

    int size() {
        return buckets.size();
    }

    private void sweepIfDue(long now) {
        long last = lastSweep.get();
        if (now - last < SWEEP_INTERVAL_NANOS || !lastSweep.compareAndSet(last, now)) {
            return;
        }
        buckets.values().removeIf(state -> state.refilledAt(now).tokens() >= state.capacity());
    }

    /** A bucket's tokens as of {@code updatedAt} (nanos), with its own capacity and refill rate. */
    private record State(double tokens, long updatedAt, long capacity, double refillPerNano) {

        static State full(RateLimitProperties.Bucket bucket, long now) {
            return new State(bucket.capacity(), now, bucket.capacity(), bucket.refillPerSecond() / 1e9);
        }

        State refilledAt(long now) {
            double refilled = Math.min(capacity, tokens + Math.max(0, now - updatedAt) * refillPerNano);
            return new State(refilled, now, capacity, refillPerNano);
        }

        State minusOne() {
            return new State(tokens - 1, updatedAt, capacity, refillPerNano);
        }
    }
}
