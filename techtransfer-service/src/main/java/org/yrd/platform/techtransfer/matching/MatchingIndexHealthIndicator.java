package org.yrd.platform.techtransfer.matching;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * "matchingIndex" in /actuator/health (and in the readiness group): out of service until the index was built from
 * the store, so that an instance whose start-up build failed (store down) takes no traffic while the scheduled
 * catch-up retries the build.
 */
@Component("matchingIndex")
class MatchingIndexHealthIndicator extends AbstractHealthIndicator {

    private final IndexedMatchingEngine engine;

    MatchingIndexHealthIndicator(IndexedMatchingEngine engine) {
        super("matching index health check failed");
        this.engine = engine;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        (engine.isBuilt() ? builder.up() : builder.outOfService())
                .withDetail("offers", engine.index(Listing.Side.OFFER).size())
                .withDetail("requests", engine.index(Listing.Side.REQUEST).size());
    }
}
