package org.yrd.platform.techtransfer.matching;

import java.time.Instant;
import java.util.Set;

/**
 * @param excludedOrganizations organizations whose listings never appear (the caller's own, the probe's owner)
 * @param limit                 how many to return
 * @param now                   what "unexpired" is measured against
 * @param minScore              leave out candidates scoring below this (0: keep every relevant one)
 */
public record MatchQuery(Set<String> excludedOrganizations, int limit, Instant now, double minScore) {

    public MatchQuery {
        excludedOrganizations = Set.copyOf(excludedOrganizations);
    }

    public MatchQuery(Set<String> excludedOrganizations, int limit, Instant now) {
        this(excludedOrganizations, limit, now, 0);
    }
}
