package org.yrd.platform.techtransfer.matching;

import java.time.Instant;
import java.util.Set;
import org.yrd.platform.techtransfer.listing.Language;

/**
 * @param excludedOrganizations organizations whose listings never appear (the caller's own, the probe's owner)
 * @param limit                 how many to return
 * @param language              language of the reasons
 * @param now                   what "unexpired" is measured against
 */
public record MatchQuery(Set<String> excludedOrganizations, int limit, Language language, Instant now) {
}
