package org.yrd.platform.techtransfer.request;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Moves published requests past their lifetime or deadline to EXPIRED; safe to run on every instance at once. */
@Component
class RequestExpiryJob {

    private static final Logger log = LoggerFactory.getLogger(RequestExpiryJob.class);

    private final RequestService requests;
    private final Clock clock;

    RequestExpiryJob(RequestService requests, Clock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${techtransfer.listings.expiry-scan-interval:PT1M}", initialDelayString = "PT30S")
    void run() {
        try {
            int expired = requests.expireDue(clock.instant());
            if (expired > 0) {
                log.info("expired {} requests", expired);
            }
        } catch (RuntimeException e) {
            // the next run retries; a store outage must not kill the scheduler thread
            log.warn("request expiry scan failed: {}", e.toString());
        }
    }
}
