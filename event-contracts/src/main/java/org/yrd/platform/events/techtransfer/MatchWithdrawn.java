package org.yrd.platform.events.techtransfer;

public record MatchWithdrawn(String matchId, String requestId, String offerId) implements MatchEvent {
}
