package org.yrd.platform.events.techtransfer;

public record MatchDeclined(String matchId, String requestId, String offerId, String reasonCode)
        implements MatchEvent {
}
