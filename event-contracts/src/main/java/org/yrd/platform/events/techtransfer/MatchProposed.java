package org.yrd.platform.events.techtransfer;

public record MatchProposed(String matchId, String requestId, String offerId, String requestOrganizationId,
                            String offerOrganizationId) implements MatchEvent {
}
