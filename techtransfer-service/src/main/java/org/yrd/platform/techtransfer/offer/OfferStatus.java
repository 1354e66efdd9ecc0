package org.yrd.platform.techtransfer.offer;

import org.yrd.platform.techtransfer.listing.ListingEdit;
import org.yrd.platform.techtransfer.listing.Transitions;

/**
 * Lifecycle of an offer. SUBMITTED offers wait for staff review; PUBLISHED ones are public and matchable until
 * they are withdrawn or expire; an expiring or expired offer can be renewed once. The owner may edit an offer
 * until it is published, and a rejected one, which sends it back to review.
 */
public enum OfferStatus {
    SUBMITTED, PUBLISHED, REJECTED, WITHDRAWN, EXPIRED;

    public enum Action { APPROVE, REJECT, WITHDRAW, EXPIRE, RENEW, EDIT }

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
            // an edit before review stays in the queue; an edit of a rejected offer submits it for review again
            .allow(SUBMITTED, Action.EDIT, SUBMITTED)
            .allow(REJECTED, Action.EDIT, SUBMITTED)
            .otherwise(Action.EDIT, ListingEdit.OTHERWISE)
            .build();

    public OfferStatus next(Action action) {
        return LIFECYCLE.next(this, action);
    }
}
