package org.yrd.platform.events.techtransfer;

import java.time.Instant;
import java.util.Map;

/**
 * A match became a deal. Carries the value for statistics; news-service must not publish it
 * (a partner may not want the value public).
 */
public record DealClosed(String matchId, String dealId, String offerId, String requestId,
                         Map<String, String> technologyTitle, String field, OrganizationRef offerOrganization,
                         OrganizationRef requestOrganization, String mode, Money value, Instant signedAt)
        implements MatchEvent {
}
