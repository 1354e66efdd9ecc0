package org.yrd.platform.techtransfer.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yrd.platform.commons.region.RegionCatalog;

/**
 * Reading candidates in text order only as deep as needed must give exactly what scoring every candidate gives:
 * same ids, same order, same scores, with and without a threshold.
 */
class EarlyStopTest {

    static final BilingualTerms TERMS = BilingualTerms.loadDefault();
    static ListingIndex offers;
    static List<Listing> probes = new ArrayList<>();

    final MatchScorer scorer = new MatchScorer(MatchScorer.Weights.DEFAULT);
    final Explainer explainer = new Explainer(scorer, TERMS, RegionCatalog.loadDefault());
    final Ranker early = new Ranker(scorer, explainer, TERMS, Ranker.CONCEPT_BOOST, 32);
    final Ranker complete = new Ranker(scorer, explainer, TERMS, Ranker.CONCEPT_BOOST, Integer.MAX_VALUE);

    @BeforeAll
    static void index() {
        SyntheticCatalogue catalogue = new SyntheticCatalogue(7, Listings.NOW);
        offers = new ListingIndex(Listing.Side.OFFER, TERMS);
        for (int i = 0; i < 3000; i++) {
            offers.apply(Listing.of(catalogue.offer(300)));
        }
        offers.refresh();
        for (int i = 0; i < 40; i++) {
            probes.add(Listing.of(catalogue.request(300)));
        }
    }

    @AfterAll
    static void close() throws Exception {
        offers.close();
    }

    @Test
    void theSameBestAsScoringEveryCandidate() {
        for (Listing probe : probes) {
            for (MatchQuery query : List.of(new MatchQuery(Set.of(probe.organizationId()), 10, Listings.NOW),
                    new MatchQuery(Set.of(probe.organizationId()), 20, Listings.NOW, 0.6))) {
                List<RankedMatch> fast = early.rank(probe, offers, AgreementLinks.NONE, query, Ranker.Mode.FULL);
                List<RankedMatch> full = complete.rank(probe, offers, AgreementLinks.NONE, query, Ranker.Mode.FULL);
                assertThat(fast.stream().map(RankedMatch::id).toList()).as(probe.id())
                        .isEqualTo(full.stream().map(RankedMatch::id).toList());
                assertThat(fast.stream().map(RankedMatch::score).toList())
                        .isEqualTo(full.stream().map(RankedMatch::score).toList());
            }
        }
    }
}
