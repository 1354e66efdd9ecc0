package org.yrd.platform.techtransfer.matching;

import java.util.List;
import org.yrd.platform.techtransfer.offer.Offer;
import org.yrd.platform.techtransfer.request.TechnologyRequest;

/**
 * Ranks the other side of the market for one request or offer. The engine finds its own candidates (published,
 * unexpired, not of an excluded organization) in an index of its own; callers have already checked that the
 * caller may see the request or offer.
 */
public interface MatchingEngine {

    /** Offers for a request, best first, at most {@code query.limit()}. */
    List<RankedMatch> offersFor(TechnologyRequest request, MatchQuery query);

    /** Requests for an offer, best first, at most {@code query.limit()}. */
    List<RankedMatch> requestsFor(Offer offer, MatchQuery query);
}
