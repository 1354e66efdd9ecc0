package org.yrd.platform.techtransfer.matching;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.yrd.platform.commons.region.Proximity;
import org.yrd.platform.commons.region.Region;
import org.yrd.platform.commons.region.RegionCatalog;
import org.yrd.platform.techtransfer.listing.Budget;
import org.yrd.platform.techtransfer.listing.Language;
import org.yrd.platform.techtransfer.listing.MoneyAmount;
import org.yrd.platform.techtransfer.listing.TechField;
import org.yrd.platform.techtransfer.listing.TransferMode;

/**
 * Scores one (request, offer) pair from the text relevance and the structured fit, and says why in words.
 * Weights add up to 1: text 0.40, field 0.15, TRL 0.15, modes 0.10, budget 0.05, region 0.10, agreement 0.05.
 * Pure: no store, no Spring, so the ranking rules are tested on their own.
 */
final class PairScorer {

    static final double TEXT = 0.40;
    static final double FIELD = 0.15;
    static final double TRL = 0.15;
    static final double MODES = 0.10;
    static final double BUDGET = 0.05;
    static final double REGION = 0.10;
    static final double AGREEMENT = 0.05;
    /** BM25 is unbounded: s / (s + k) maps it to [0, 1) with half weight at s = k. */
    static final double TEXT_SATURATION = 3.0;
    private static final Set<String> MUNICIPALITIES = Set.of("110000", "120000", "310000", "500000");

    record RequestSide(String id, String organizationId, TechField field, int requiredTrlMin,
                       List<TransferMode> modes, Budget budget, String region) {
    }

    record OfferSide(String id, String organizationId, TechField field, int trl, List<TransferMode> modes,
                     MoneyAmount askingPrice, String region) {
    }

    /** What the text index and the agreements say about the pair. */
    record Evidence(float textScore, List<String> sharedTerms, AgreementLinks.Link agreement) {
    }

    record Scored(double score, List<String> reasons, boolean relevant) {
    }

    private record Reason(double weight, String text) {
    }

    private final RegionCatalog regions;

    PairScorer(RegionCatalog regions) {
        this.regions = regions;
    }

    Scored score(RequestSide request, OfferSide offer, Evidence evidence, Language language) {
        boolean zh = language.isChinese();
        List<Reason> reasons = new ArrayList<>();
        double score = 0;

        double text = evidence.textScore() <= 0 ? 0
                : TEXT * evidence.textScore() / (evidence.textScore() + TEXT_SATURATION);
        score += text;
        if (text > 0 && !evidence.sharedTerms().isEmpty()) {
            reasons.add(new Reason(text, (zh ? "共同词语：" : "Shared terms: ")
                    + String.join(zh ? "、" : ", ", evidence.sharedTerms())));
        }

        boolean sameField = request.field() == offer.field();
        if (sameField) {
            score += FIELD;
            reasons.add(new Reason(FIELD, (zh ? "同属技术领域：" : "Same field: ") + offer.field().label(language)));
        }

        int gap = request.requiredTrlMin() - offer.trl();
        if (gap <= 0) {
            score += TRL;
            reasons.add(new Reason(TRL, zh ? "技术成熟度 " + offer.trl() + " 级，达到要求的最低 " + request.requiredTrlMin() + " 级"
                    : "TRL " + offer.trl() + " meets the required minimum of " + request.requiredTrlMin()));
        } else {
            double partial = gap == 1 ? TRL / 2 : 0;
            score += partial;
            reasons.add(new Reason(-gap, zh ? "技术成熟度 " + offer.trl() + " 级，比要求的 " + request.requiredTrlMin()
                    + " 级低 " + gap + " 级" : "TRL " + offer.trl() + " is " + gap + (gap == 1 ? " level" : " levels")
                    + " below the required " + request.requiredTrlMin()));
        }

        List<TransferMode> common = offer.modes().stream().filter(request.modes()::contains).toList();
        if (!common.isEmpty()) {
            score += MODES;
            reasons.add(new Reason(MODES, (zh ? "共同的转移方式：" : "Common transfer modes: ") + String.join(
                    zh ? "、" : ", ", common.stream().map(m -> m.label(language)).toList())));
        } else {
            reasons.add(new Reason(-1, zh ? "没有共同的转移方式" : "No transfer mode in common"));
        }

        Budget budget = request.budget();
        MoneyAmount price = offer.askingPrice();
        if (budget != null && price != null && budget.currency().equals(price.currency())) {
            if (budget.covers(price)) {
                score += BUDGET;
                reasons.add(new Reason(BUDGET, zh ? "报价 " + money(price) + " 在预算范围内"
                        : "Asking price " + money(price) + " is within the budget"));
            } else {
                reasons.add(new Reason(-1, zh ? "报价 " + money(price) + " 超出预算上限 " + money(budget.max(),
                        budget.currency()) : "Asking price " + money(price) + " is above the budget of "
                        + money(budget.max(), budget.currency())));
            }
        }

        Proximity proximity = regions.proximity(request.region(), offer.region());
        double near = switch (proximity) {
            case SAME_COUNTY -> REGION;
            case SAME_PREFECTURE -> REGION * 0.8;
            case SAME_PROVINCE -> REGION * 0.6;
            case YANGTZE_RIVER_DELTA -> REGION * 0.4;
            case ELSEWHERE -> 0;
        };
        score += near;
        String where = proximityReason(proximity, request.region(), offer.region(), language);
        if (where != null) {
            reasons.add(new Reason(near, where));
        }

        AgreementLinks.Link link = evidence.agreement();
        if (link.kind() == AgreementLinks.Kind.ORGANIZATIONS) {
            score += AGREEMENT;
            reasons.add(new Reason(AGREEMENT, zh ? "双方机构之间有生效的合作协议"
                    : "A cooperation agreement is in force between the two organizations"));
        } else if (link.kind() == AgreementLinks.Kind.REGIONS) {
            score += AGREEMENT * 0.6;
            String a = regionName(link.requestArea(), language);
            String b = regionName(link.offerArea(), language);
            reasons.add(new Reason(AGREEMENT * 0.6, zh ? a + "与" + b + "之间有生效的合作协议"
                    : "A cooperation agreement is in force between " + a + " and " + b));
        }

        // positive reasons by how much they add, then the shortcomings
        reasons.sort(Comparator.comparingDouble(Reason::weight).reversed());
        boolean relevant = evidence.textScore() > 0 || sameField;
        return new Scored(Math.round(score * 1000) / 1000.0, reasons.stream().map(Reason::text).toList(), relevant);
    }

    private String proximityReason(Proximity proximity, String requestRegion, String offerRegion, Language language) {
        boolean zh = language.isChinese();
        return switch (proximity) {
            case SAME_COUNTY -> (zh ? "同一区县：" : "Same county: ") + regionName(requestRegion, language);
            case SAME_PREFECTURE -> (zh ? "同一地市：" : "Same prefecture: ")
                    + regionName(regions.prefecture(requestRegion).code(), language);
            case SAME_PROVINCE -> (zh ? "同一省份：" : "Same province: ")
                    + regionName(regions.province(requestRegion).code(), language);
            case YANGTZE_RIVER_DELTA -> zh ? "同在长三角：" + regionName(regions.province(requestRegion).code(), language)
                    + "、" + regionName(regions.province(offerRegion).code(), language)
                    : "Both in the Yangtze River Delta (" + regionName(regions.province(requestRegion).code(), language)
                    + " and " + regionName(regions.province(offerRegion).code(), language) + ")";
            case ELSEWHERE -> null;
        };
    }

    /** A division's name; a municipality's "districts" pseudo-prefecture is named after the municipality. */
    String regionName(String code, Language language) {
        Region region = regions.find(code).orElse(null);
        if (region == null) {
            return code;
        }
        if (region.level() == Region.Level.PREFECTURE && MUNICIPALITIES.contains(region.provinceCode())) {
            region = regions.province(code);
        }
        return region.name(language.tag());
    }

    private static String money(MoneyAmount amount) {
        return money(amount.amount(), amount.currency());
    }

    private static String money(BigDecimal amount, String currency) {
        return NumberFormat.getNumberInstance(Locale.ROOT).format(amount) + " " + currency;
    }
}
