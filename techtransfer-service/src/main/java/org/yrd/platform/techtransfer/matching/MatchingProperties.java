package org.yrd.platform.techtransfer.matching;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param catchUpInterval     how often the index reads the store's recent changes (the writes of other instances)
 * @param catchUpLookback     how far before its last look a catch-up reads again: covers writes stamped before but
 *                            committed after that look, and clock skew between instances
 * @param reconcileInterval   how often the index is compared with the store in full (the safety net)
 * @param readyTimeout        how long a query waits for the index being built at start before answering 503
 * @param agreementsTtl       how long the agreements in force are cached (changes consumed here clear it at once)
 * @param notifyMinScore      continuous matching notifies pairs scoring at least this
 * @param notifyMaxPerListing at most this many notifications when one listing is published
 * @param notifyMaxEventAge   publications older than this (a replay of history) notify no one
 */
@ConfigurationProperties("techtransfer.matching")
public record MatchingProperties(Duration catchUpInterval, Duration catchUpLookback, Duration reconcileInterval,
                                 Duration readyTimeout, Duration agreementsTtl, Double notifyMinScore,
                                 Integer notifyMaxPerListing, Duration notifyMaxEventAge) {

    public MatchingProperties {
        catchUpInterval = catchUpInterval == null ? Duration.ofSeconds(10) : catchUpInterval;
        catchUpLookback = catchUpLookback == null ? Duration.ofMinutes(2) : catchUpLookback;
        reconcileInterval = reconcileInterval == null ? Duration.ofMinutes(15) : reconcileInterval;
        readyTimeout = readyTimeout == null ? Duration.ofSeconds(5) : readyTimeout;
        agreementsTtl = agreementsTtl == null ? Duration.ofSeconds(30) : agreementsTtl;
        notifyMinScore = notifyMinScore == null ? 0.6 : notifyMinScore;
        notifyMaxPerListing = notifyMaxPerListing == null ? 20 : notifyMaxPerListing;
        notifyMaxEventAge = notifyMaxEventAge == null ? Duration.ofDays(2) : notifyMaxEventAge;
    }
}
