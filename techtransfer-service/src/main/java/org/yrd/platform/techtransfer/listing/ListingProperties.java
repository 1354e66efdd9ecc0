package org.yrd.platform.techtransfer.listing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param lifetime           how long an offer or request stays published (365 days, as in the EEN)
 * @param renewWindow        how long before its expiry a listing may be renewed
 * @param expiryScanInterval how often listings past their expiry are moved to EXPIRED
 */
@ConfigurationProperties("techtransfer.listings")
public record ListingProperties(Duration lifetime, Duration renewWindow, Duration expiryScanInterval) {

    public ListingProperties {
        lifetime = lifetime == null ? Duration.ofDays(365) : lifetime;
        renewWindow = renewWindow == null ? Duration.ofDays(30) : renewWindow;
        expiryScanInterval = expiryScanInterval == null ? Duration.ofMinutes(1) : expiryScanInterval;
    }
}
