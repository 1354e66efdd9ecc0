package org.yrd.platform.techtransfer.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yrd.platform.commons.region.Region;
import org.yrd.platform.commons.region.RegionCatalog;
import org.yrd.platform.techtransfer.listing.Language;

class MatchScorerTest {

    @Test
    void numericProximityAgreesWithTheRegionCatalog() {
        RegionCatalog regions = RegionCatalog.loadDefault();
        List<Region> sample = regions.assignable().stream().filter(r -> r.code().hashCode() % 7 == 0).limit(120)
                .toList();
        for (Region a : sample) {
            for (Region b : sample) {
                assertThat(MatchScorer.proximity(MatchScorer.region(a.code()), MatchScorer.region(b.code())))
                        .as("%s and %s", a.code(), b.code()).isEqualTo(regions.proximity(a.code(), b.code()));
            }
        }
    }

    @Test
    void creditsForFittingCountInProportionToTextRelevanceShortcomingsInFull() {
        MatchScorer scorer = new MatchScorer(MatchScorer.Weights.DEFAULT);
        MatchScorer.Facts request = MatchScorer.Facts.of(Listings.request("r").build());
        MatchScorer.Facts fits = MatchScorer.Facts.of(Listings.offer("o").build());
        MatchScorer.Facts tooExpensive = MatchScorer.Facts.of(Listings.offer("o").price("4000000").build());
        double[] out = new double[MatchScorer.FACTORS];
        double relevant = scorer.score(request, fits, 0.8, MatchScorer.NO_AGREEMENT, out);
        double trlCredit = out[MatchScorer.TRL];
        double aboutSomethingElse = scorer.score(request, fits, 0.05, MatchScorer.NO_AGREEMENT, out);
        assertThat(out[MatchScorer.TRL]).isLessThan(trlCredit / 5);
        assertThat(relevant).isGreaterThan(aboutSomethingElse + 0.4);
        scorer.score(request, tooExpensive, 0.05, MatchScorer.NO_AGREEMENT, out);
        assertThat(out[MatchScorer.BUDGET]).isEqualTo(-MatchScorer.Weights.DEFAULT.budgetPenalty());
        // the collector's split computation gives the same total
        double[] fit = new double[MatchScorer.FACTORS];
        scorer.fit(request, fits, MatchScorer.NO_AGREEMENT, fit);
        double gated = 0;
        double full = 0;
        for (int i = 0; i < MatchScorer.FACTORS; i++) {
            if (MatchScorer.gated(i, fit[i])) {
                gated += fit[i];
            } else {
                full += fit[i];
            }
        }
        assertThat(scorer.combine(0.8, gated, full)).isEqualTo(relevant, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void moneyReadsAsPeopleSayIt() {
        assertThat(Explainer.money(new BigDecimal("1500000"), "CNY", Language.EN)).isEqualTo("1.5M CNY");
        assertThat(Explainer.money(new BigDecimal("1500000"), "CNY", Language.ZH)).isEqualTo("150万元");
        assertThat(Explainer.money(new BigDecimal("800000"), "USD", Language.EN)).isEqualTo("800k USD");
        assertThat(Explainer.money(new BigDecimal("120000000"), "CNY", Language.ZH)).isEqualTo("1.2亿元");
        assertThat(Explainer.money(new BigDecimal("15000"), "EUR", Language.ZH)).isEqualTo("1.5万 EUR");
    }
}
