package org.yrd.platform.techtransfer.request;

import org.yrd.platform.techtransfer.listing.ListingEdit;
import org.yrd.platform.techtransfer.listing.Transitions;

/**
 * Lifecycle of a technology request. Like an offer, plus MATCHED: a request that got a deal is closed for
 * matching for good. Edits as an offer: before publication, and after a rejection (back to review).
 */
public enum RequestStatus {
    SUBMITTED, PUBLISHED, REJECTED, WITHDRAWN, EXPIRED, MATCHED;

    public enum Action { APPROVE, REJECT, WITHDRAW, EXPIRE, RENEW, MATCH, EDIT }

    static final Transitions<RequestStatus, Action> LIFECYCLE = Transitions.<RequestStatus, Action>of("request",
                    RequestStatus.class)
            .allow(SUBMITTED, Action.APPROVE, PUBLISHED)
            .allow(SUBMITTED, Action.REJECT, REJECTED)
            // the owner may take back what staff have not reviewed yet; nothing was published, so no event
            .allow(SUBMITTED, Action.WITHDRAW, WITHDRAWN)
            .allow(PUBLISHED, Action.WITHDRAW, WITHDRAWN)
            .allow(PUBLISHED, Action.EXPIRE, EXPIRED)
            .allow(PUBLISHED, Action.RENEW, PUBLISHED)
            .allow(EXPIRED, Action.RENEW, PUBLISHED)
            .allow(PUBLISHED, Action.MATCH, MATCHED)
            // a deal negotiated while the request was published may be signed after the listing lapsed
            .allow(EXPIRED, Action.MATCH, MATCHED)
            // an edit before review stays in the queue; an edit of a rejected request submits it for review again
            .allow(SUBMITTED, Action.EDIT, SUBMITTED)
            .allow(REJECTED, Action.EDIT, SUBMITTED)
            .otherwise(Action.EDIT, ListingEdit.OTHERWISE)
            .build();

    public RequestStatus next(Action action) {
        return LIFECYCLE.next(this, action);
    }

    public boolean allows(Action action) {
        return LIFECYCLE.allows(this, action);
    }
}
