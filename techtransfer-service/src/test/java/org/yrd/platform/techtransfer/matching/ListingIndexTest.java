package org.yrd.platform.techtransfer.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yrd.platform.commons.region.RegionCatalog;

/** The index follows the newest state of each listing, whatever order or how often the states arrive. */
class ListingIndexTest {

    final BilingualTerms terms = BilingualTerms.loadDefault();
    final ListingIndex index = new ListingIndex(Listing.Side.OFFER, terms);
    final MatchScorer scorer = new MatchScorer(MatchScorer.Weights.DEFAULT);
    final Ranker ranker = new Ranker(scorer, new Explainer(scorer, terms, RegionCatalog.loadDefault()), terms);

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    List<String> ranked() {
        index.refresh();
        return ranker.rank(Listings.request("need").build(), index, AgreementLinks.NONE,
                new MatchQuery(Set.of(), 10, Listings.NOW), Ranker.Mode.FULL).stream().map(RankedMatch::id).toList();
    }

    @Test
    void applyingTheSameStateAgainChangesNothingAndNeverDuplicates() {
        Listing published = Listings.offer("a").version(2).build();
        assertThat(index.apply(published)).isTrue();
        assertThat(index.apply(published)).isFalse();
        assertThat(ranked()).containsExactly("a");
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void anOlderStateArrivingLateDoesNotUndoANewerOne() {
        Listing submitted = Listings.offer("a").version(1).unpublished().build();
        Listing published = Listings.offer("a").version(2).build();
        Listing withdrawn = Listings.offer("a").version(3).unpublished().build();
        index.apply(submitted);
        index.apply(published);
        assertThat(ranked()).containsExactly("a");
        index.apply(withdrawn);
        assertThat(ranked()).isEmpty();
        // a rebuild or catch-up that read version 2 before the withdrawal must not bring it back
        assertThat(index.apply(published)).isFalse();
        assertThat(ranked()).isEmpty();
    }

    @Test
    void anUpdateReplacesTheEntry() {
        index.apply(Listings.offer("a").version(2).trl(3).build());
        index.apply(Listings.offer("a").version(3).trl(7).build());
        index.refresh();
        assertThat(index.size()).isEqualTo(1);
        assertThat(ranker.rank(Listings.request("need").build(), index, AgreementLinks.NONE,
                new MatchQuery(Set.of(), 10, Listings.NOW), Ranker.Mode.FULL).get(0).reasons(
                org.yrd.platform.techtransfer.listing.Language.EN)).contains("TRL 7 meets required 5");
    }

    @Test
    void aListingTheStoreNoLongerHasIsRemovedForGood() {
        index.apply(Listings.offer("a").version(2).build());
        index.remove("a");
        assertThat(index.apply(Listings.offer("a").version(9).build())).isFalse();
        assertThat(ranked()).isEmpty();
    }

    @Test
    void aRequestDoesNotGoIntoTheOfferIndex() {
        assertThatThrownBy(() -> index.apply(Listings.request("r").build())).isInstanceOf(IllegalArgumentException.class);
    }
}
