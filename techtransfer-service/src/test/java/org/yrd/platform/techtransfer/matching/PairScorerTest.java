package org.yrd.platform.techtransfer.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yrd.platform.commons.region.RegionCatalog;
import org.yrd.platform.techtransfer.listing.Budget;
import org.yrd.platform.techtransfer.listing.Language;
import org.yrd.platform.techtransfer.listing.MoneyAmount;
import org.yrd.platform.techtransfer.listing.TechField;
import org.yrd.platform.techtransfer.listing.TransferMode;
import org.yrd.platform.techtransfer.matching.PairScorer.Evidence;
import org.yrd.platform.techtransfer.matching.PairScorer.OfferSide;
import org.yrd.platform.techtransfer.matching.PairScorer.RequestSide;
import org.yrd.platform.techtransfer.matching.PairScorer.Scored;

class PairScorerTest {

    final PairScorer scorer = new PairScorer(RegionCatalog.loadDefault());

    final RequestSide request = new RequestSide("req", "org-b", TechField.NEW_ENERGY_ENERGY_SAVING, 5,
            List.of(TransferMode.LICENSE, TransferMode.ASSIGNMENT),
            new Budget(BigDecimal.ZERO, new BigDecimal("2000000"), "CNY"), "320509");

    OfferSide offer(TechField field, int trl, String region, String price) {
        return new OfferSide("off", "org-a", field, trl, List.of(TransferMode.LICENSE),
                price == null ? null : new MoneyAmount(new BigDecimal(price), "CNY"), region);
    }

    Evidence text(float score) {
        return new Evidence(score, score > 0 ? List.of("electrolyte", "锂电池") : List.of(),
                AgreementLinks.Link.NONE);
    }

    @Test
    void aPerfectFitScoresNearOneAndSaysWhyInEnglish() {
        Scored scored = scorer.score(request, offer(TechField.NEW_ENERGY_ENERGY_SAVING, 6, "320509", "1500000"),
                new Evidence(30f, List.of("electrolyte"), new AgreementLinks.Link(AgreementLinks.Kind.ORGANIZATIONS,
                        null, null)), Language.EN);
        assertThat(scored.score()).isGreaterThan(0.9).isLessThanOrEqualTo(1.0);
        assertThat(scored.relevant()).isTrue();
        assertThat(scored.reasons()).containsExactly(
                "Shared terms: electrolyte",
                "Same field: new energy and energy saving",
                "TRL 6 meets the required minimum of 5",
                "Common transfer modes: licence",
                "Same county: Wujiang District",
                "Asking price 1,500,000 CNY is within the budget",
                "A cooperation agreement is in force between the two organizations");
    }

    @Test
    void reasonsInChinese() {
        Scored scored = scorer.score(request, offer(TechField.NEW_ENERGY_ENERGY_SAVING, 4, "320583", "3000000"),
                text(5f), Language.ZH);
        assertThat(scored.reasons()).contains("共同词语：electrolyte、锂电池", "同属技术领域：新能源与节能",
                "同一地市：苏州市", "共同的转移方式：许可", "技术成熟度 4 级，比要求的 5 级低 1 级",
                "报价 3,000,000 CNY 超出预算上限 2,000,000 CNY");
        // shortcomings come after everything that speaks for the match
        List<String> reasons = scored.reasons();
        assertThat(reasons.subList(reasons.size() - 2, reasons.size()))
                .allMatch(r -> r.startsWith("技术成熟度") || r.startsWith("报价"));
    }

    @Test
    void eachFitRaisesTheScore() {
        OfferSide base = offer(TechField.AEROSPACE, 2, "440305", null);
        double nothing = scorer.score(request, base, text(1f), Language.EN).score();
        double sameField = scorer.score(request, offer(TechField.NEW_ENERGY_ENERGY_SAVING, 2, "440305", null),
                text(1f), Language.EN).score();
        double trlMet = scorer.score(request, offer(TechField.AEROSPACE, 7, "440305", null), text(1f),
                Language.EN).score();
        double nearer = scorer.score(request, offer(TechField.AEROSPACE, 2, "310118", null), text(1f),
                Language.EN).score();
        double moreText = scorer.score(request, base, text(8f), Language.EN).score();
        assertThat(sameField).isGreaterThan(nothing);
        assertThat(trlMet).isGreaterThan(nothing);
        assertThat(nearer).isGreaterThan(nothing);
        assertThat(moreText).isGreaterThan(nothing);
    }

    @Test
    void proximityOrdersCountyPrefectureProvinceDelta() {
        double county = regionScore("320509");
        double prefecture = regionScore("320583");
        double province = regionScore("320102");
        double delta = regionScore("310118");
        double elsewhere = regionScore("440305");
        assertThat(county).isGreaterThan(prefecture);
        assertThat(prefecture).isGreaterThan(province);
        assertThat(province).isGreaterThan(delta);
        assertThat(delta).isGreaterThan(elsewhere);
        assertThat(scorer.score(request, offer(TechField.AEROSPACE, 9, "310118", null), text(1f), Language.EN)
                .reasons()).contains("Both in the Yangtze River Delta (Jiangsu and Shanghai)");
    }

    @Test
    void anAgreementBetweenTheAreasIsNamed() {
        Scored scored = scorer.score(request, offer(TechField.AEROSPACE, 9, "310118", null),
                new Evidence(1f, List.of(), new AgreementLinks.Link(AgreementLinks.Kind.REGIONS, "320500", "310100")),
                Language.EN);
        assertThat(scored.reasons()).contains("A cooperation agreement is in force between Suzhou and Shanghai");
    }

    @Test
    void neitherWordsNorFieldInCommonIsNotRelevant() {
        assertThat(scorer.score(request, offer(TechField.AEROSPACE, 9, "320509", null), text(0f), Language.EN)
                .relevant()).isFalse();
    }

    private double regionScore(String region) {
        return scorer.score(request, offer(TechField.AEROSPACE, 9, region, null), text(1f), Language.EN).score();
    }
}
