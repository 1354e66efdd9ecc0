package org.yrd.platform.events.techtransfer;

/** Continuous matching found a fitting pair; {@code matchId} is the suggestion's id (request id + offer id). */
public record MatchSuggested(String matchId, String requestId, String offerId, String notifiedOrganizationId,
                             double score) implements MatchEvent {
}
