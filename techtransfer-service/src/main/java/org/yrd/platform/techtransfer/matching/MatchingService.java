package org.yrd.platform.techtransfer.matching;

import io.github.resilience4j.bulkhead.annotation.Bulkhead;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.yrd.platform.commons.error.InvalidInputException;
import org.yrd.platform.commons.security.Caller;
import org.yrd.platform.techtransfer.offer.Offer;
import org.yrd.platform.techtransfer.offer.OfferService;
import org.yrd.platform.techtransfer.request.RequestService;
import org.yrd.platform.techtransfer.request.TechnologyRequest;

/**
 * Who may ask for a ranking, and the guard rails around the engine: a bulkhead (ranking is the most expensive
 * call, it must not starve the rest: when full, callers get a 503 with Retry-After) and a timer.
 */
@Service
public class MatchingService {

    static final int MAX_LIMIT = 50;

    private final MatchingEngine engine;
    private final OfferService offers;
    private final RequestService requests;
    private final Clock clock;
    private final MeterRegistry metrics;

    MatchingService(MatchingEngine engine, OfferService offers, RequestService requests, Clock clock,
                    MeterRegistry metrics) {
        this.engine = engine;
        this.offers = offers;
        this.requests = requests;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Ranked offers for a request the caller owns (or staff); never offers of the caller or of the requester. */
    @Bulkhead(name = "matching")
    public List<RankedMatch> offersForRequest(Caller caller, String requestId, int limit) {
        checkLimit(limit);
        TechnologyRequest request = requests.get(caller, requestId);
        return timed("offers-for-request", () -> engine.offersFor(request,
                query(caller, request.getOrganizationId(), limit)));
    }

    /** Ranked requests for an offer the caller owns (or staff). */
    @Bulkhead(name = "matching")
    public List<RankedMatch> requestsForOffer(Caller caller, String offerId, int limit) {
        checkLimit(limit);
        Offer offer = offers.get(caller, offerId);
        if (!caller.actsFor(offer.getOrganizationId())) {
            // the offer is public, so it is no secret that it exists; its matches are its owner's business
            throw new AccessDeniedException("Only the organization that owns this offer, or staff, may see its matches.");
        }
        return timed("requests-for-offer", () -> engine.requestsFor(offer,
                query(caller, offer.getOrganizationId(), limit)));
    }

    private MatchQuery query(Caller caller, String ownerOrganization, int limit) {
        Set<String> excluded = new LinkedHashSet<>();
        excluded.add(ownerOrganization);
        if (caller.organizationId() != null) {
            excluded.add(caller.organizationId());
        }
        return new MatchQuery(excluded, limit, clock.instant());
    }

    private List<RankedMatch> timed(String direction, Supplier<List<RankedMatch>> ranking) {
        Timer.Sample sample = Timer.start(metrics);
        String outcome = "error";
        try {
            List<RankedMatch> result = ranking.get();
            outcome = result.isEmpty() ? "empty" : "found";
            return result;
        } finally {
            sample.stop(Timer.builder("techtransfer.matching.queries").description("ranking queries")
                    .tags("direction", direction, "outcome", outcome).register(metrics));
        }
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
        }
    }
}
