package org.yrd.platform.techtransfer.offer;

import org.yrd.platform.techtransfer.listing.Transitions;

/**
 * Lifecycle of an offer. SUBMITTED offers wait for staff review; PUBLISHED ones are public and matchable until
 * they are withdrawn or expire; an expiring or expired offer can be renewed once.
 */
public enum OfferStatus {
    SUBMITTED, PUBLISHED, REJECTED, WITHDRAWN, EXPIRED;

    public enum Action { APPROVE, REJECT, WITHDRAW, EXPIRE, RENEW }

    static final Transitions<OfferStatus, Action> LIFECYCLE = Transitions.<OfferStatus, Action>of("offer",
                    OfferStatus.class)
            .allow(SUBMITTED, Action.APPROVE, PUBLISHED)
            .allow(SUBMITTED, Action.REJECT, REJECTED)
            // the owner may take back what staff have not reviewed yet; nothing was public, so no event
            .allow(SUBMITTED, Action.WITHDRAW, WITHDRAWN)
            .allow(PUBLISHED, Action.WITHDRAW, WITHDRAWN)
            .allow(PUBLISHED, Action.EXPIRE, EXPIRED)
            // renewing a published offer extends it in place
            .allow(PUBLISHED, Action.RENEW, PUBLISHED)
            .allow(EXPIRED, Action.RENEW, PUBLISHED)
            .build();

    public OfferStatus next(Action action) {
        return LIFECYCLE.next(this, action);
    }
}
