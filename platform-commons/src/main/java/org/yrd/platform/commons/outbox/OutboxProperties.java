package org.yrd.platform.commons.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param batchSize      aggregates claimed per relay cycle
 * @param idlePoll       how long the relay sleeps when there was nothing to send (a local write wakes it sooner)
 * @param lease          how long a claim keeps other instances off an aggregate's events
 * @param sendTimeout    how long to wait for the broker's acknowledgement of one event
 * @param metricsRefresh how often backlog and oldest-age gauges are recomputed from the store
 */
@ConfigurationProperties("platform.outbox")
public record OutboxProperties(
        boolean enabled,
        int batchSize,
        Duration idlePoll,
        Duration lease,
        Duration sendTimeout,
        Duration metricsRefresh) {

    public OutboxProperties {
        if (batchSize <= 0) {
            batchSize = 50;
        }
        idlePoll = idlePoll == null ? Duration.ofMillis(500) : idlePoll;
        lease = lease == null ? Duration.ofSeconds(30) : lease;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(10) : sendTimeout;
        metricsRefresh = metricsRefresh == null ? Duration.ofSeconds(2) : metricsRefresh;
    }
}
