package org.yrd.platform.techtransfer.matching;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.yrd.platform.commons.region.RegionCatalog;
import org.yrd.platform.techtransfer.agreement.CooperationAgreements;
import org.yrd.platform.techtransfer.agreement.CooperationAgreementsChanged;
import org.yrd.platform.techtransfer.offer.Offer;
import org.yrd.platform.techtransfer.request.TechnologyRequest;

/**
 * The matching engine of the service: two long-lived in-memory Lucene indexes (published offers, published
 * requests) that {@link MatchingIndexMaintainer} keeps in step with the store, and the {@link Ranker} over them.
 * Queries wait (briefly) until the indexes were built from the store at start, then answer 503.
 */
@Component
class IndexedMatchingEngine implements MatchingEngine, AutoCloseable {

    private final ListingIndex offers;
    private final ListingIndex requests;
    private final Ranker ranker;
    private final CooperationAgreements agreements;
    private final RegionCatalog regions;
    private final Clock clock;
    private final MatchingProperties properties;
    private final CountDownLatch built = new CountDownLatch(1);
    private volatile CachedLinks links;

    private record CachedLinks(AgreementLinks links, Instant loadedAt) {
    }

    IndexedMatchingEngine(CooperationAgreements agreements, RegionCatalog regions, Clock clock,
                          MatchingProperties properties) {
        BilingualTerms terms = BilingualTerms.loadDefault();
        MatchScorer scorer = new MatchScorer(MatchScorer.Weights.DEFAULT);
        this.offers = new ListingIndex(Listing.Side.OFFER, terms);
        this.requests = new ListingIndex(Listing.Side.REQUEST, terms);
        this.ranker = new Ranker(scorer, new Explainer(scorer, terms, regions), terms);
        this.agreements = agreements;
        this.regions = regions;
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    public List<RankedMatch> offersFor(TechnologyRequest request, MatchQuery query) {
        awaitBuilt();
        return ranker.rank(Listing.of(request), offers, links(), query, Ranker.Mode.FULL);
    }

    @Override
    public List<RankedMatch> requestsFor(Offer offer, MatchQuery query) {
        awaitBuilt();
        return ranker.rank(Listing.of(offer), requests, links(), query, Ranker.Mode.FULL);
    }

    ListingIndex index(Listing.Side side) {
        return side == Listing.Side.OFFER ? offers : requests;
    }

    /** Applies one stored state of a listing and makes it visible to the next query. */
    boolean apply(Listing listing) {
        ListingIndex index = index(listing.side());
        boolean changed = index.apply(listing);
        if (changed) {
            index.refresh();
        }
        return changed;
    }

    void markBuilt() {
        built.countDown();
    }

    boolean isBuilt() {
        return built.getCount() == 0;
    }

    private void awaitBuilt() {
        awaitBuilt(properties.readyTimeout());
    }

    /**
     * Waits until the index was built from the store at start.
     *
     * @throws DataAccessResourceFailureException if it is not built within {@code timeout} (a 503 for a client)
     */
    void awaitBuilt(Duration timeout) {
        try {
            if (!built.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new DataAccessResourceFailureException("the matching index is still being built");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataAccessResourceFailureException("interrupted while waiting for the matching index");
        }
    }

    /** The agreements in force, cached: read once per TTL, not once per query. */
    private AgreementLinks links() {
        CachedLinks cached = links;
        Instant now = clock.instant();
        if (cached == null || cached.loadedAt().plus(properties.agreementsTtl()).isBefore(now)) {
            cached = new CachedLinks(new AgreementLinks(agreements.inForce(), regions), now);
            links = cached;
        }
        return cached.links();
    }

    /** An agreement event consumed on this instance counts at once; other instances see it within the TTL. */
    @EventListener
    void on(CooperationAgreementsChanged changed) {
        links = null;
    }

    @Override
    public void close() throws IOException {
        offers.close();
        requests.close();
    }
}
