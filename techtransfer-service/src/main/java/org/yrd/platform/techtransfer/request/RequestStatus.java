package org.yrd.platform.techtransfer.request;

import org.yrd.platform.techtransfer.listing.ListingLifecycle;

/**
 * Lifecycle of a technology request. Like an offer, plus MATCHED: a request that got a deal is closed for
 * matching for good. Edits as an offer: before publication, and after a rejection (back to review).
 */
public enum RequestStatus {
    SUBMITTED, PUBLISHED, REJECTED, WITHDRAWN, EXPIRED, MATCHED;

    public enum Action { APPROVE, REJECT, WITHDRAW, EXPIRE, RENEW, MATCH, EDIT }

    /** The lifecycle every listing has (the table is in {@link ListingLifecycle}), plus the match of a deal. */
    static final ListingLifecycle<RequestStatus, Action> LIFECYCLE =
            ListingLifecycle.of("request", RequestStatus.class, Action.class)
                    .allow(PUBLISHED, Action.MATCH, MATCHED)
                    // a deal negotiated while the request was published may be signed after the listing lapsed
                    .allow(EXPIRED, Action.MATCH, MATCHED)
                    .build();

    public RequestStatus next(Action action) {
        return LIFECYCLE.next(this, action);
    }

    public boolean allows(Action action) {
        return LIFECYCLE.allows(this, action);
    }
}
