package org.yrd.platform.techtransfer.match;

import org.yrd.platform.techtransfer.listing.Transitions;

/**
 * Lifecycle of a match: the requester's expression of interest (PROPOSED), the offer owner's answer
 * (NEGOTIATING or DECLINED), and its end (DEAL_CLOSED by staff, or WITHDRAWN by a party).
 */
public enum MatchStatus {
    PROPOSED, NEGOTIATING, DECLINED, WITHDRAWN, DEAL_CLOSED;

    public enum Action { ACCEPT, DECLINE, WITHDRAW, CLOSE_DEAL }

    static final Transitions<MatchStatus, Action> LIFECYCLE = Transitions.<MatchStatus, Action>of("match",
                    MatchStatus.class)
            .allow(PROPOSED, Action.ACCEPT, NEGOTIATING)
            .allow(PROPOSED, Action.DECLINE, DECLINED)
            // the requester may take back its interest before an answer
            .allow(PROPOSED, Action.WITHDRAW, WITHDRAWN)
            .allow(NEGOTIATING, Action.CLOSE_DEAL, DEAL_CLOSED)
            .allow(NEGOTIATING, Action.WITHDRAW, WITHDRAWN)
            .build();

    public MatchStatus next(Action action) {
        return LIFECYCLE.next(this, action);
    }

    /** Open matches block a second one for the same request and offer. */
    public boolean isOpen() {
        return this == PROPOSED || this == NEGOTIATING;
    }
}
