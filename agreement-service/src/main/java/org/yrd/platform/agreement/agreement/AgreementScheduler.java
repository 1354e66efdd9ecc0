package org.yrd.platform.agreement.agreement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Detects expired agreements and overdue milestones. Each finding is stored as a conditional (versioned) write
 * together with its event, so it is published once per agreement or milestone, across restarts and across two
 * instances: the second instance's write is stale and is skipped.
 */
@Component
class AgreementScheduler {

    private static final Logger log = LoggerFactory.getLogger(AgreementScheduler.class);

    private final AgreementService agreements;

    AgreementScheduler(AgreementService agreements) {
        this.agreements = agreements;
    }

    @Scheduled(fixedDelayString = "${platform.agreements.scan-interval:PT1M}", initialDelayString = "PT10S")
    void scheduledScan() {
        try {
            ScanResult result = scanOnce();
            if (result.expired() + result.overdueMilestones() > 0) {
                log.info("agreement scan: {} expired, {} overdue milestones reported", result.expired(),
                        result.overdueMilestones());
            }
        } catch (RuntimeException e) {
            log.warn("agreement scan failed, will retry at the next interval: {}", e.toString());
        }
    }

    ScanResult scanOnce() {
        int expired = 0;
        int overdue = 0;
        for (Agreement agreement : agreements.openAgreements()) {
            try {
                overdue += agreements.reportOverdueMilestones(agreement);
                if (agreements.expireIfDue(agreement)) {
                    expired++;
                }
            } catch (OptimisticLockingFailureException concurrent) {
                log.debug("agreement {} changed concurrently; the next scan looks again", agreement.getId());
            }
        }
        return new ScanResult(expired, overdue);
    }

    record ScanResult(int expired, int overdueMilestones) {
    }
}
