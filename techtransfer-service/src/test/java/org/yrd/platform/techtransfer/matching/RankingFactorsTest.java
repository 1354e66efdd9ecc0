package org.yrd.platform.techtransfer.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yrd.platform.commons.region.RegionCatalog;
import org.yrd.platform.techtransfer.agreement.CooperationAgreement;
import org.yrd.platform.techtransfer.listing.Language;
import org.yrd.platform.techtransfer.listing.TechField;
import org.yrd.platform.techtransfer.listing.TransferMode;

/**
 * Each scoring factor on its own: two offers that differ in that factor only, the order it gives them, and the
 * reason it states, in Chinese and English. The request is a battery-electrolyte need in Wujiang (Suzhou).
 */
class RankingFactorsTest {

    static final RegionCatalog REGIONS = RegionCatalog.loadDefault();
    static final BilingualTerms TERMS = BilingualTerms.loadDefault();

    final MatchScorer scorer = new MatchScorer(MatchScorer.Weights.DEFAULT);
    final Ranker ranker = new Ranker(scorer, new Explainer(scorer, TERMS, REGIONS), TERMS);
    final List<ListingIndex> indexes = new ArrayList<>();
    final Listing request = Listings.request("need").build();
    ListingIndex offers;

    @AfterEach
    void close() throws Exception {
        for (ListingIndex index : indexes) {
            index.close();
        }
    }

    /** Ranks the candidates, in a fresh index of their side, for the probe. */
    List<RankedMatch> rank(Listing probe, AgreementLinks agreements, Listing... candidates) {
        ListingIndex index = new ListingIndex(probe.side().other(), TERMS);
        indexes.add(index);
        offers = index;
        for (Listing candidate : candidates) {
            index.apply(candidate);
        }
        index.refresh();
        return ranker.rank(probe, index, agreements, new MatchQuery(Set.of(probe.organizationId()), 10,
                Listings.NOW), Ranker.Mode.FULL);
    }

    List<RankedMatch> rank(Listing... candidates) {
        return rank(request, AgreementLinks.NONE, candidates);
    }

    static List<String> ids(List<RankedMatch> ranked) {
        return ranked.stream().map(RankedMatch::id).toList();
    }

    static RankedMatch of(List<RankedMatch> ranked, String id) {
        return ranked.stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    static Factor factor(RankedMatch match, Factor.Kind kind) {
        return match.factors().stream().filter(f -> f.kind() == kind).findFirst().orElseThrow();
    }

    @Test
    void sharedTermsRankTheCloserOfferFirstAndAreNamedInTheReadersLanguage() {
        Listing close = Listings.offer("close").build();
        Listing loose = Listings.offer("loose").text("储能电站", "用于电网调峰的储能电站系统集成", "Energy storage station",
                "System integration of grid energy storage stations", "储能").build();
        List<RankedMatch> ranked = rank(loose, close);
        assertThat(ids(ranked)).startsWith("close");
        Factor text = factor(of(ranked, "close"), Factor.Kind.TEXT);
        assertThat(text.contribution()).isGreaterThan(factor(of(ranked, "loose"), Factor.Kind.TEXT).contribution());
        assertThat(text.reason(Language.EN)).startsWith("Shared terms: ").contains("electrolyte", "lithium battery");
        assertThat(text.reason(Language.ZH)).startsWith("共同词语：").contains("电解质", "锂电池");
    }

    @Test
    void aChineseOnlyRequestFindsAnEnglishOnlyOfferThroughTheTermTableAndTheOtherWayRound() {
        Listing chineseRequest = Listings.request("zh-need").chineseOnly().build();
        Listing englishOffer = Listings.offer("en-offer").englishOnly().build();
        Listing unrelated = Listings.offer("robot").englishOnly().text(null, null, "Welding robot vision",
                "Machine vision guidance for industrial welding robots", "robotics").build();
        List<RankedMatch> ranked = rank(chineseRequest, AgreementLinks.NONE, unrelated, englishOffer);
        assertThat(ids(ranked)).startsWith("en-offer");
        Factor text = factor(of(ranked, "en-offer"), Factor.Kind.TEXT);
        assertThat(text.contribution()).isPositive();
        // the shared concepts are named in each reader's language, though each side wrote in one only
        assertThat(text.reason(Language.ZH)).contains("电解质", "锂电池");
        assertThat(text.reason(Language.EN)).contains("electrolyte", "lithium battery");

        Listing englishRequest = Listings.request("en-need").englishOnly().build();
        Listing chineseOffer = Listings.offer("zh-offer").chineseOnly().build();
        Listing chineseUnrelated = Listings.offer("zh-robot").chineseOnly().text("焊接机器人视觉", "工业焊接机器人的视觉引导",
                null, null, "机器人").build();
        List<RankedMatch> back = rank(englishRequest, AgreementLinks.NONE, chineseUnrelated, chineseOffer);
        assertThat(ids(back)).startsWith("zh-offer");
        assertThat(factor(of(back, "zh-offer"), Factor.Kind.TEXT).reason(Language.EN)).contains("electrolyte");
    }

    @Test
    void theSameFieldRanksHigherAndOtherFieldsAreStillAllowed() {
        List<RankedMatch> ranked = rank(Listings.offer("same").build(),
                Listings.offer("other").field(TechField.BIO_MEDICINE).build());
        assertThat(ids(ranked)).containsExactly("same", "other");
        assertThat(factor(of(ranked, "same"), Factor.Kind.FIELD).reason(Language.EN))
                .isEqualTo("Same field: new energy and energy saving");
        assertThat(factor(of(ranked, "same"), Factor.Kind.FIELD).reason(Language.ZH)).isEqualTo("同属技术领域：新能源与节能");
        assertThat(factor(of(ranked, "other"), Factor.Kind.FIELD).reason(Language.EN))
                .isEqualTo("Different field: biology and new medicine (request: new energy and energy saving)");
        assertThat(factor(of(ranked, "other"), Factor.Kind.FIELD).reason(Language.ZH))
                .isEqualTo("技术领域不同：生物与新医药（需求：新能源与节能）");
    }

    @Test
    void aRelatedFieldRanksBetweenTheSameAndAnUnrelatedOne() {
        List<RankedMatch> ranked = rank(Listings.offer("unrelated").field(TechField.BIO_MEDICINE).build(),
                Listings.offer("related").field(TechField.NEW_MATERIALS).build());
        assertThat(ids(ranked)).containsExactly("related", "unrelated");
        assertThat(factor(of(ranked, "related"), Factor.Kind.FIELD).reason(Language.EN))
                .isEqualTo("Related field: new materials (request: new energy and energy saving)");
        assertThat(factor(of(ranked, "related"), Factor.Kind.FIELD).reason(Language.ZH))
                .isEqualTo("相关技术领域：新材料（需求：新能源与节能）");
    }

    @Test
    void trlMeetingTheRequirementFitsOneShortIsANearMissAndMoreIsHeavilyPenalized() {
        List<RankedMatch> ranked = rank(Listings.offer("short").trl(3).build(), Listings.offer("near").trl(4).build(),
                Listings.offer("meets").trl(6).build());
        assertThat(ids(ranked)).containsExactly("meets", "near", "short");
        RankedMatch meets = of(ranked, "meets");
        RankedMatch near = of(ranked, "near");
        RankedMatch shortOf = of(ranked, "short");
        assertThat(factor(meets, Factor.Kind.TRL).reason(Language.EN)).isEqualTo("TRL 6 meets required 5");
        assertThat(factor(meets, Factor.Kind.TRL).reason(Language.ZH)).isEqualTo("技术成熟度 6 级，满足要求的 5 级");
        assertThat(near.nearMiss()).isTrue();
        assertThat(factor(near, Factor.Kind.TRL).nearMiss()).isTrue();
        assertThat(factor(near, Factor.Kind.TRL).reason(Language.EN))
                .isEqualTo("Near miss: TRL 4 is one level below required 5");
        assertThat(factor(near, Factor.Kind.TRL).reason(Language.ZH)).isEqualTo("接近要求：技术成熟度 4 级，比要求的 5 级低 1 级");
        assertThat(factor(shortOf, Factor.Kind.TRL).contribution()).isNegative();
        assertThat(factor(shortOf, Factor.Kind.TRL).nearMiss()).isFalse();
        assertThat(factor(shortOf, Factor.Kind.TRL).reason(Language.EN)).isEqualTo("TRL 3 is 2 levels below required 5");
        assertThat(factor(shortOf, Factor.Kind.TRL).reason(Language.ZH)).isEqualTo("技术成熟度 3 级，比要求的 5 级低 2 级");
        // heavily: two levels short costs more than the whole gap between meeting it and being one short
        assertThat(near.score() - shortOf.score()).isGreaterThan(meets.score() - near.score());
        // near-misses come after what speaks for the match, so the requester sees what to negotiate
        List<String> reasons = near.reasons(Language.EN);
        assertThat(reasons.indexOf("Near miss: TRL 4 is one level below required 5"))
                .isGreaterThan(reasons.indexOf("Same field: new energy and energy saving"));
    }

    @Test
    void aPriceAboveTheBudgetIsPenalizedInProportionAndNoPriceIsNeutral() {
        List<RankedMatch> ranked = rank(Listings.offer("far-above").price("4000000").build(),
                Listings.offer("above").price("3000000").build(), Listings.offer("near").price("2200000").build(),
                Listings.offer("within").price("1500000").build(), Listings.offer("no-price").price(null).build());
        assertThat(ids(ranked).subList(2, 5)).containsExactly("near", "above", "far-above");
        assertThat(ids(ranked).subList(0, 2)).containsExactlyInAnyOrder("within", "no-price");
        assertThat(factor(of(ranked, "within"), Factor.Kind.BUDGET).contribution()).isZero();
        assertThat(factor(of(ranked, "no-price"), Factor.Kind.BUDGET).contribution()).isZero();
        double above = factor(of(ranked, "above"), Factor.Kind.BUDGET).contribution();
        double farAbove = factor(of(ranked, "far-above"), Factor.Kind.BUDGET).contribution();
        // 50 % above costs half of 100 % above
        assertThat(farAbove).isCloseTo(2 * above, within(0.002));
        assertThat(factor(of(ranked, "within"), Factor.Kind.BUDGET).reason(Language.EN))
                .isEqualTo("Asking price 1.5M CNY within budget 2.0M CNY");
        assertThat(factor(of(ranked, "within"), Factor.Kind.BUDGET).reason(Language.ZH))
                .isEqualTo("报价 150万元 在预算 200万元 以内");
        assertThat(factor(of(ranked, "above"), Factor.Kind.BUDGET).reason(Language.EN))
                .isEqualTo("Asking price 3.0M CNY above budget 2.0M CNY (+50%)");
        assertThat(factor(of(ranked, "above"), Factor.Kind.BUDGET).reason(Language.ZH))
                .isEqualTo("报价 300万元 超出预算 200万元（+50%）");
        Factor near = factor(of(ranked, "near"), Factor.Kind.BUDGET);
        assertThat(near.nearMiss()).isTrue();
        assertThat(near.reason(Language.EN)).isEqualTo("Near miss: asking price 2.2M CNY is 10% above budget 2.0M CNY");
        assertThat(near.reason(Language.ZH)).isEqualTo("接近要求：报价 220万元 超出预算 200万元 10%");
        assertThat(factor(of(ranked, "no-price"), Factor.Kind.BUDGET).reason(Language.EN))
                .isEqualTo("No asking price (negotiable)");
        assertThat(factor(of(ranked, "no-price"), Factor.Kind.BUDGET).reason(Language.ZH)).isEqualTo("未标价（价格面议）");
    }

    @Test
    void atLeastOneTransferModeInCommonOrPenalized() {
        List<RankedMatch> ranked = rank(Listings.offer("none").modes(TransferMode.ASSIGNMENT).build(),
                Listings.offer("common").modes(TransferMode.LICENSE, TransferMode.ASSIGNMENT).build());
        assertThat(ids(ranked)).containsExactly("common", "none");
        assertThat(factor(of(ranked, "none"), Factor.Kind.MODES).contribution()).isNegative();
        assertThat(factor(of(ranked, "common"), Factor.Kind.MODES).reason(Language.EN))
                .isEqualTo("Common transfer modes: licence");
        assertThat(factor(of(ranked, "common"), Factor.Kind.MODES).reason(Language.ZH)).isEqualTo("共同的转移方式：许可");
        assertThat(factor(of(ranked, "none"), Factor.Kind.MODES).reason(Language.EN))
                .isEqualTo("No transfer mode in common (offered: assignment; accepted: licence, joint development)");
        assertThat(factor(of(ranked, "none"), Factor.Kind.MODES).reason(Language.ZH))
                .isEqualTo("没有共同的转移方式（提供：转让；接受：许可、合作开发）");
    }

    @Test
    void proximityOrdersCountyPrefectureProvinceDeltaElsewhere() {
        List<RankedMatch> ranked = rank(Listings.offer("elsewhere").region("440305").build(),
                Listings.offer("delta").region("310118").build(), Listings.offer("province").region("320102").build(),
                Listings.offer("prefecture").region("320583").build(), Listings.offer("county").region("320509").build());
        assertThat(ids(ranked)).containsExactly("county", "prefecture", "province", "delta", "elsewhere");
        assertThat(factor(of(ranked, "county"), Factor.Kind.REGION).reason(Language.EN)).isEqualTo("Same county (Wujiang District)");
        assertThat(factor(of(ranked, "county"), Factor.Kind.REGION).reason(Language.ZH)).isEqualTo("同一区县（吴江区）");
        assertThat(factor(of(ranked, "prefecture"), Factor.Kind.REGION).reason(Language.EN)).isEqualTo("Same prefecture (Suzhou)");
        assertThat(factor(of(ranked, "prefecture"), Factor.Kind.REGION).reason(Language.ZH)).isEqualTo("同一地市（苏州市）");
        assertThat(factor(of(ranked, "province"), Factor.Kind.REGION).reason(Language.EN)).isEqualTo("Same province (Jiangsu)");
        assertThat(factor(of(ranked, "province"), Factor.Kind.REGION).reason(Language.ZH)).isEqualTo("同一省份（江苏省）");
        assertThat(factor(of(ranked, "delta"), Factor.Kind.REGION).reason(Language.EN))
                .isEqualTo("Both in the Yangtze River Delta (Jiangsu and Shanghai)");
        assertThat(factor(of(ranked, "delta"), Factor.Kind.REGION).reason(Language.ZH)).isEqualTo("同在长三角（江苏省、上海市）");
        assertThat(factor(of(ranked, "elsewhere"), Factor.Kind.REGION).contribution()).isZero();
        assertThat(factor(of(ranked, "elsewhere"), Factor.Kind.REGION).reason(Language.EN))
                .isEqualTo("Far apart (request: Jiangsu, offer: Guangdong)");
    }

    @Test
    void anAgreementInForceLinkingTheOrganizationsOrTheirRegionsBoosts() {
        CooperationAgreement plan = agreement("agr-plan", CooperationAgreement.Status.ACTIVE,
                Map.of("zh-CN", "2019年一体化工作计划", "en-US", "2019 integration work plan"),
                new CooperationAgreement.Party("org-need", "320509"), new CooperationAgreement.Party("org-partner", "310118"));
        CooperationAgreement areas = agreement("agr-areas", CooperationAgreement.Status.SIGNED,
                Map.of("zh-CN", "苏嘉合作框架", "en-US", "Suzhou-Jiaxing framework"),
                new CooperationAgreement.Party("gov-suzhou", "320583"), new CooperationAgreement.Party("gov-jiaxing", "330402"));
        CooperationAgreement ended = agreement("agr-ended", CooperationAgreement.Status.TERMINATED, Map.of(),
                new CooperationAgreement.Party("org-need", "320509"), new CooperationAgreement.Party("org-former", "330106"));
        AgreementLinks links = new AgreementLinks(List.of(plan, areas, ended), REGIONS);
        // all in the Yangtze River Delta outside Jiangsu: Shanghai, Jiaxing and Hangzhou
        List<RankedMatch> ranked = rank(request, links,
                Listings.offer("former").organization("org-former").region("330106").build(),
                Listings.offer("plain").organization("org-plain").region("330106").build(),
                Listings.offer("by-area").organization("org-somebody").region("330402").build(),
                Listings.offer("by-organization").organization("org-partner").region("310118").build());
        assertThat(ids(ranked).subList(0, 2)).containsExactly("by-organization", "by-area");
        assertThat(factor(of(ranked, "by-organization"), Factor.Kind.AGREEMENT).reason(Language.EN))
                .isEqualTo("Cooperation agreement: 2019 integration work plan (both organizations are parties)");
        assertThat(factor(of(ranked, "by-organization"), Factor.Kind.AGREEMENT).reason(Language.ZH))
                .isEqualTo("合作协议：《2019年一体化工作计划》（双方机构均为签约方）");
        assertThat(factor(of(ranked, "by-area"), Factor.Kind.AGREEMENT).reason(Language.EN))
                .isEqualTo("Cooperation agreement: Suzhou-Jiaxing framework (links Suzhou and Jiaxing)");
        assertThat(factor(of(ranked, "by-area"), Factor.Kind.AGREEMENT).reason(Language.ZH))
                .isEqualTo("合作协议：《苏嘉合作框架》（连接苏州市与嘉兴市）");
        // a terminated agreement counts for nothing
        assertThat(factor(of(ranked, "former"), Factor.Kind.AGREEMENT).contribution()).isZero();
        assertThat(of(ranked, "former").score()).isEqualTo(of(ranked, "plain").score());
    }

    @Test
    void onlyPublishedUnexpiredOffersOfOtherOrganizationsAreRanked() {
        List<RankedMatch> ranked = rank(Listings.offer("published").build(),
                Listings.offer("unpublished").unpublished().build(),
                Listings.offer("expired").expiresAt(Listings.NOW.minusSeconds(1)).build(),
                Listings.offer("expires-now").expiresAt(Listings.NOW).build(),
                Listings.offer("own").organization(request.organizationId()).build());
        assertThat(ids(ranked)).containsExactly("published");
    }

    @Test
    void theFactorsAddUpToTheScoreAndTheScoreOrdersTheResults() {
        List<RankedMatch> ranked = rank(Listings.offer("a").build(), Listings.offer("b").trl(4).price("2300000").build(),
                Listings.offer("c").region("440305").modes(TransferMode.ASSIGNMENT).build());
        double previous = Double.MAX_VALUE;
        for (RankedMatch match : ranked) {
            double sum = match.factors().stream().mapToDouble(Factor::contribution).sum();
            assertThat(match.score()).isCloseTo(Math.max(0, Math.min(1, sum)), within(0.005));
            assertThat(match.score()).isLessThanOrEqualTo(previous);
            previous = match.score();
        }
    }

    @Test
    void offersRankRequestsTheSameWay() {
        Listing offer = Listings.offer("tech").build();
        List<RankedMatch> ranked = rank(offer, AgreementLinks.NONE,
                Listings.request("too-demanding").trl(8).build(), Listings.request("fits").build());
        assertThat(ids(ranked)).containsExactly("fits", "too-demanding");
        assertThat(factor(of(ranked, "too-demanding"), Factor.Kind.TRL).reason(Language.EN))
                .isEqualTo("TRL 6 is 2 levels below required 8");
    }

    @Test
    void aThresholdKeepsOnlyWhatScoresAtLeastThat() {
        List<RankedMatch> all = rank(Listings.offer("good").build(), Listings.offer("weak").trl(2)
                .modes(TransferMode.ASSIGNMENT).region("440305").build());
        double cut = (all.get(0).score() + all.get(1).score()) / 2;
        List<RankedMatch> above = ranker.rank(request, offers, AgreementLinks.NONE,
                new MatchQuery(Set.of(request.organizationId()), 10, Listings.NOW, cut), Ranker.Mode.FULL);
        assertThat(ids(above)).containsExactly("good");
    }

    private static CooperationAgreement agreement(String id, CooperationAgreement.Status status,
                                                  Map<String, String> title, CooperationAgreement.Party... parties) {
        return new CooperationAgreement(id, "COOPERATION_FRAMEWORK", title, status, List.of(parties), List.of(), 1,
                Instant.EPOCH);
    }
}
