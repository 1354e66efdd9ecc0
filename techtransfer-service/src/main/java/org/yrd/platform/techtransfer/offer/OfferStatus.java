package org.yrd.platform.techtransfer.offer;

import org.yrd.platform.techtransfer.listing.ListingLifecycle;

/**
 * Lifecycle of an offer. SUBMITTED offers wait for staff review; PUBLISHED ones are public and matchable until
 * they are withdrawn or expire; an expiring or expired offer can be renewed once. The owner may edit an offer
 * until it is published, and a rejected one, which sends it back to review.
 */
public enum OfferStatus {
    SUBMITTED, PUBLISHED, REJECTED, WITHDRAWN, EXPIRED;

    public enum Action { APPROVE, REJECT, WITHDRAW, EXPIRE, RENEW, EDIT }

    /** Exactly the lifecycle every listing has (the table is in {@link ListingLifecycle}); nothing of its own. */
    static final ListingLifecycle<OfferStatus, Action> LIFECYCLE =
            ListingLifecycle.of("offer", OfferStatus.class, Action.class).build();

    public OfferStatus next(Action action) {
        return LIFECYCLE.next(this, action);
    }
}
