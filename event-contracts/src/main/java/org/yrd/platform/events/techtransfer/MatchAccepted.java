package org.yrd.platform.events.techtransfer;

public record MatchAccepted(String matchId, String requestId, String offerId) implements MatchEvent {
}
