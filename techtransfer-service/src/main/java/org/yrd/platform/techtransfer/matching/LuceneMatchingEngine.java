package org.yrd.platform.techtransfer.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yrd.platform.commons.region.RegionCatalog;
import org.yrd.platform.techtransfer.agreement.CooperationAgreements;
import org.yrd.platform.techtransfer.offer.Offer;
import org.yrd.platform.techtransfer.offer.OfferService;
import org.yrd.platform.techtransfer.request.RequestService;
import org.yrd.platform.techtransfer.request.TechnologyRequest;
import org.yrd.platform.techtransfer.search.BilingualTextIndex;

/**
 * The first, simple engine: reads the matchable candidates, scores their text against the probe with BM25 over
 * an index built for this question, and adds the structured fit of {@link PairScorer}. Candidates with neither
 * a shared word nor the same field are left out.
 */
@Component
class LuceneMatchingEngine implements MatchingEngine {

    private static final int SHARED_TERMS_SHOWN = 5;

    private final OfferService offers;
    private final RequestService requests;
    private final CooperationAgreements agreements;
    private final RegionCatalog regions;
    private final PairScorer scorer;
    private final int maxCandidates;

    LuceneMatchingEngine(OfferService offers, RequestService requests, CooperationAgreements agreements,
                         RegionCatalog regions,
                         @Value("${techtransfer.matching.max-candidates:5000}") int maxCandidates) {
        this.offers = offers;
        this.requests = requests;
        this.agreements = agreements;
        this.regions = regions;
        this.scorer = new PairScorer(regions);
        this.maxCandidates = maxCandidates;
    }

    @Override
    public List<RankedMatch> offersFor(TechnologyRequest request, MatchQuery query) {
        List<Offer> candidates = offers.matchable(query.excludedOrganizations(), query.now(), maxCandidates);
        PairScorer.RequestSide side = requestSide(request);
        return rank(entry(request), candidates, OfferService::entry,
                offer -> new Pair(side, offerSide(offer)), query);
    }

    @Override
    public List<RankedMatch> requestsFor(Offer offer, MatchQuery query) {
        List<TechnologyRequest> candidates = requests.matchable(query.excludedOrganizations(), query.now(),
                maxCandidates);
        PairScorer.OfferSide side = offerSide(offer);
        return rank(OfferService.entry(offer), candidates, LuceneMatchingEngine::entry,
                request -> new Pair(requestSide(request), side), query);
    }

    private record Pair(PairScorer.RequestSide request, PairScorer.OfferSide offer) {
    }

    private record Candidate<T>(T listing, BilingualTextIndex.Entry entry, Pair pair, float text, double score) {
    }

    private <T> List<RankedMatch> rank(BilingualTextIndex.Entry probe, List<T> listings,
                                       Function<T, BilingualTextIndex.Entry> toEntry, Function<T, Pair> toPair,
                                       MatchQuery query) {
        List<BilingualTextIndex.Entry> entries = listings.stream().map(toEntry).toList();
        Map<String, Float> text = BilingualTextIndex.similarTo(entries, probe);
        AgreementLinks links = new AgreementLinks(agreements.inForce(), regions);
        List<Candidate<T>> scored = new ArrayList<>();
        for (int i = 0; i < listings.size(); i++) {
            T listing = listings.get(i);
            Pair pair = toPair.apply(listing);
            float bm25 = text.getOrDefault(entries.get(i).id(), 0f);
            PairScorer.Scored result = scorer.score(pair.request(), pair.offer(),
                    new PairScorer.Evidence(bm25, List.of(), link(links, pair)), query.language());
            if (result.relevant()) {
                scored.add(new Candidate<>(listing, entries.get(i), pair, bm25, result.score()));
            }
        }
        scored.sort(Comparator.comparingDouble((Candidate<T> c) -> c.score()).reversed()
                .thenComparing(c -> c.entry().id()));
        // the words shown in the reasons are only worked out for what is returned
        return scored.stream().limit(query.limit()).map(c -> {
            List<String> shared = c.text() > 0 ? BilingualTextIndex.sharedTerms(probe, c.entry(), SHARED_TERMS_SHOWN)
                    : List.of();
            PairScorer.Scored result = scorer.score(c.pair().request(), c.pair().offer(),
                    new PairScorer.Evidence(c.text(), shared, link(links, c.pair())), query.language());
            return new RankedMatch(c.entry().id(), result.score(), result.reasons());
        }).toList();
    }

    private static AgreementLinks.Link link(AgreementLinks links, Pair pair) {
        return links.between(pair.request().organizationId(), pair.request().region(),
                pair.offer().organizationId(), pair.offer().region());
    }

    static BilingualTextIndex.Entry entry(TechnologyRequest request) {
        return new BilingualTextIndex.Entry(request.getId(), request.getTitle(), request.getDescription(),
                request.getKeywords());
    }

    static PairScorer.RequestSide requestSide(TechnologyRequest request) {
        return new PairScorer.RequestSide(request.getId(), request.getOrganizationId(), request.getField(),
                request.getRequiredTrlMin(), request.getAcceptableModes(), request.getBudget(), request.getRegion());
    }

    static PairScorer.OfferSide offerSide(Offer offer) {
        return new PairScorer.OfferSide(offer.getId(), offer.getOrganizationId(), offer.getField(), offer.getTrl(),
                offer.getTransferModes(), offer.getAskingPrice(), offer.getRegion());
    }
}
