package org.yrd.platform.techtransfer.offer;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Moves published offers past their expiry to EXPIRED; safe to run on every instance at once. */
@Component
class OfferExpiryJob {

    private static final Logger log = LoggerFactory.getLogger(OfferExpiryJob.class);

    private final OfferService offers;
    private final Clock clock;

    OfferExpiryJob(OfferService offers, Clock clock) {
        this.offers = offers;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${techtransfer.listings.expiry-scan-interval:PT1M}", initialDelayString = "PT30S")
    void run() {
        try {
            int expired = offers.expireDue(clock.instant());
            if (expired > 0) {
                log.info("expired {} offers", expired);
            }
        } catch (RuntimeException e) {
            // the next run retries; a store outage must not kill the scheduler thread
            log.warn("offer expiry scan failed: {}", e.toString());
        }
    }
}
