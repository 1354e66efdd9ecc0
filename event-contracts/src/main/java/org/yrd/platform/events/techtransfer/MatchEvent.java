package org.yrd.platform.events.techtransfer;

import org.yrd.platform.events.IntegrationEvent;
import org.yrd.platform.events.Topics;

/** Events of the Match aggregate (techtransfer-service), on {@link Topics#TECHTRANSFER_MATCHES}. */
public sealed interface MatchEvent extends IntegrationEvent
        permits MatchSuggested, MatchProposed, MatchAccepted, MatchDeclined, MatchWithdrawn, DealClosed {

    String matchId();

    @Override
    default String topic() {
        return Topics.TECHTRANSFER_MATCHES;
    }

    @Override
    default String aggregateId() {
        return matchId();
    }
}
