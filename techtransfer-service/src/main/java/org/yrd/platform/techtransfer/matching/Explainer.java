package org.yrd.platform.techtransfer.matching;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.yrd.platform.commons.region.Proximity;
import org.yrd.platform.commons.region.Region;
import org.yrd.platform.commons.region.RegionCatalog;
import org.yrd.platform.techtransfer.agreement.CooperationAgreement;
import org.yrd.platform.techtransfer.listing.Language;
import org.yrd.platform.techtransfer.listing.MoneyAmount;
import org.yrd.platform.techtransfer.listing.TechField;
import org.yrd.platform.techtransfer.listing.TransferMode;

/**
 * Puts a ranked pair into words, in Chinese and English, from the very contributions {@link MatchScorer} ranked
 * it by: one {@link Factor} per factor. Runs for the returned few only.
 */
final class Explainer {

    static final int SHARED_TERMS_SHOWN = 5;
    private static final Set<String> MUNICIPALITIES = Set.of("110000", "120000", "310000", "500000");

    private final MatchScorer scorer;
    private final BilingualTerms terms;
    private final RegionCatalog regions;

    Explainer(MatchScorer scorer, BilingualTerms terms, RegionCatalog regions) {
        this.scorer = scorer;
        this.terms = terms;
        this.regions = regions;
    }

    /**
     * What the reasons need of a listing's text, worked out once per listing and query: its concepts, its
     * readable English words, and its Chinese words, segmented by SmartCN for the probe only; a result keeps its
     * Chinese text instead, in which the probe's words are looked up (segmenting every result was most of the
     * cost of explaining).
     *
     * @param chinese null for a result: then {@code chineseText} is searched
     */
    record Words(Set<String> concepts, Set<String> chinese, Set<String> english, String chineseText) {
    }

    /** The probe's words, fully analysed. */
    Words words(Listing listing) {
        return new Words(terms.conceptsOf(listing), chineseWords(listing), englishWords(listing),
                TextAnalysis.chinese(listing));
    }

    /** A result's words, with the concepts the index stored for it. */
    Words words(Listing listing, Set<String> concepts) {
        return new Words(concepts, null, englishWords(listing), TextAnalysis.chinese(listing));
    }

    /**
     * The factors of a pair; their contributions add up to the pair's ranking score.
     *
     * @param text the pair's text relevance, as {@link MatchScorer#textRelevance} computed it for the ranking
     */
    List<Factor> explain(Listing request, Listing offer, double text, AgreementLinks.Link link) {
        return explain(request, words(request), offer, words(offer), text, link);
    }

    List<Factor> explain(Listing request, Words requestWords, Listing offer, Words offerWords, double text,
                         AgreementLinks.Link link) {
        MatchScorer.Facts requestFacts = MatchScorer.Facts.of(request);
        MatchScorer.Facts offerFacts = MatchScorer.Facts.of(offer);
        double[] c = new double[MatchScorer.FACTORS];
        scorer.score(requestFacts, offerFacts, text, link.code(), c);
        List<Factor> factors = new ArrayList<>(MatchScorer.FACTORS);
        factors.add(text(requestWords, offerWords, c[MatchScorer.TEXT]));
        factors.add(field(request.field(), offer.field(), c[MatchScorer.FIELD]));
        factors.add(trl(request.trl(), offer.trl(), c[MatchScorer.TRL]));
        factors.add(budget(request, offer, MatchScorer.overBudget(requestFacts, offerFacts), c[MatchScorer.BUDGET]));
        factors.add(modes(request, offer, c[MatchScorer.MODES]));
        factors.add(region(request.region(), offer.region(), c[MatchScorer.REGION]));
        factors.add(agreement(link, c[MatchScorer.AGREEMENT]));
        return factors;
    }

    private Factor text(Words request, Words offer, double contribution) {
        if (contribution <= 0) {
            return new Factor(Factor.Kind.TEXT, 0, false, null);
        }
        List<String> zh = sharedTerms(request, offer, Language.ZH);
        List<String> en = sharedTerms(request, offer, Language.EN);
        Factor.Reason reason = zh.isEmpty() && en.isEmpty()
                ? new Factor.Reason("文字描述相近", "Similar wording")
                : new Factor.Reason("共同词语：" + String.join("、", zh), "Shared terms: " + String.join(", ", en));
        return new Factor(Factor.Kind.TEXT, round(contribution), false, reason);
    }

    private static Factor field(TechField request, TechField offer, double contribution) {
        if (request == offer) {
            return new Factor(Factor.Kind.FIELD, round(contribution), false, new Factor.Reason(
                    "同属技术领域：" + offer.label(Language.ZH), "Same field: " + offer.label(Language.EN)));
        }
        if (contribution > 0) {
            return new Factor(Factor.Kind.FIELD, round(contribution), false, new Factor.Reason(
                    "相关技术领域：" + offer.label(Language.ZH) + "（需求：" + request.label(Language.ZH) + "）",
                    "Related field: " + offer.label(Language.EN) + " (request: " + request.label(Language.EN) + ")"));
        }
        return new Factor(Factor.Kind.FIELD, 0, false, new Factor.Reason(
                "技术领域不同：" + offer.label(Language.ZH) + "（需求：" + request.label(Language.ZH) + "）",
                "Different field: " + offer.label(Language.EN) + " (request: " + request.label(Language.EN) + ")"));
    }

    private static Factor trl(int required, int trl, double contribution) {
        int gap = required - trl;
        if (gap <= 0) {
            return new Factor(Factor.Kind.TRL, round(contribution), false, new Factor.Reason(
                    "技术成熟度 " + trl + " 级，满足要求的 " + required + " 级",
                    "TRL " + trl + " meets required " + required));
        }
        if (gap == 1) {
            return new Factor(Factor.Kind.TRL, round(contribution), true, new Factor.Reason(
                    "接近要求：技术成熟度 " + trl + " 级，比要求的 " + required + " 级低 1 级",
                    "Near miss: TRL " + trl + " is one level below required " + required));
        }
        return new Factor(Factor.Kind.TRL, round(contribution), false, new Factor.Reason(
                "技术成熟度 " + trl + " 级，比要求的 " + required + " 级低 " + gap + " 级",
                "TRL " + trl + " is " + gap + " levels below required " + required));
    }

    private Factor budget(Listing request, Listing offer, double over, double contribution) {
        MoneyAmount price = offer.price();
        if (price == null) {
            return new Factor(Factor.Kind.BUDGET, 0, false, new Factor.Reason("未标价（价格面议）",
                    "No asking price (negotiable)"));
        }
        String priceZh = money(price.amount(), price.currency(), Language.ZH);
        String priceEn = money(price.amount(), price.currency(), Language.EN);
        if (request.budget() == null) {
            return new Factor(Factor.Kind.BUDGET, 0, false, new Factor.Reason("报价 " + priceZh + "（需求方未设预算）",
                    "Asking price " + priceEn + " (no budget set)"));
        }
        String currency = request.budget().currency();
        String maxZh = money(request.budget().max(), currency, Language.ZH);
        String maxEn = money(request.budget().max(), currency, Language.EN);
        if (!currency.equals(price.currency())) {
            return new Factor(Factor.Kind.BUDGET, 0, false, new Factor.Reason(
                    "报价 " + priceZh + " 与预算 " + maxZh + " 币种不同，未作比较",
                    "Asking price " + priceEn + " and budget " + maxEn + " are in different currencies: not compared"));
        }
        if (over <= 0) {
            return new Factor(Factor.Kind.BUDGET, round(contribution), false, new Factor.Reason(
                    "报价 " + priceZh + " 在预算 " + maxZh + " 以内",
                    "Asking price " + priceEn + " within budget " + maxEn));
        }
        String percent = Math.round(over * 100) + "%";
        if (scorer.budgetNearMiss(over)) {
            return new Factor(Factor.Kind.BUDGET, round(contribution), true, new Factor.Reason(
                    "接近要求：报价 " + priceZh + " 超出预算 " + maxZh + " " + percent,
                    "Near miss: asking price " + priceEn + " is " + percent + " above budget " + maxEn));
        }
        return new Factor(Factor.Kind.BUDGET, round(contribution), false, new Factor.Reason(
                "报价 " + priceZh + " 超出预算 " + maxZh + "（+" + percent + "）",
                "Asking price " + priceEn + " above budget " + maxEn + " (+" + percent + ")"));
    }

    private static Factor modes(Listing request, Listing offer, double contribution) {
        List<TransferMode> common = offer.modes().stream().filter(request.modes()::contains).sorted().toList();
        if (!common.isEmpty()) {
            return new Factor(Factor.Kind.MODES, round(contribution), false, new Factor.Reason(
                    "共同的转移方式：" + labels(common, Language.ZH), "Common transfer modes: " + labels(common, Language.EN)));
        }
        List<TransferMode> offered = offer.modes().stream().sorted().toList();
        List<TransferMode> accepted = request.modes().stream().sorted().toList();
        return new Factor(Factor.Kind.MODES, round(contribution), false, new Factor.Reason(
                "没有共同的转移方式（提供：" + labels(offered, Language.ZH) + "；接受：" + labels(accepted, Language.ZH) + "）",
                "No transfer mode in common (offered: " + labels(offered, Language.EN) + "; accepted: "
                        + labels(accepted, Language.EN) + ")"));
    }

    private Factor region(String requestRegion, String offerRegion, double contribution) {
        Proximity proximity = MatchScorer.proximity(MatchScorer.region(requestRegion), MatchScorer.region(offerRegion));
        if (regions.find(requestRegion).isEmpty() || regions.find(offerRegion).isEmpty()) {
            return new Factor(Factor.Kind.REGION, round(contribution), false, null);
        }
        Factor.Reason reason = switch (proximity) {
            case SAME_COUNTY -> new Factor.Reason("同一区县（" + name(requestRegion, Language.ZH) + "）",
                    "Same county (" + name(requestRegion, Language.EN) + ")");
            case SAME_PREFECTURE -> new Factor.Reason("同一地市（" + prefectureName(requestRegion, Language.ZH) + "）",
                    "Same prefecture (" + prefectureName(requestRegion, Language.EN) + ")");
            case SAME_PROVINCE -> new Factor.Reason("同一省份（" + provinceName(requestRegion, Language.ZH) + "）",
                    "Same province (" + provinceName(requestRegion, Language.EN) + ")");
            case YANGTZE_RIVER_DELTA -> new Factor.Reason(
                    "同在长三角（" + provinceName(requestRegion, Language.ZH) + "、" + provinceName(offerRegion, Language.ZH) + "）",
                    "Both in the Yangtze River Delta (" + provinceName(requestRegion, Language.EN) + " and "
                            + provinceName(offerRegion, Language.EN) + ")");
            case ELSEWHERE -> new Factor.Reason(
                    "地区相距较远（需求：" + provinceName(requestRegion, Language.ZH) + "，成果：" + provinceName(offerRegion,
                            Language.ZH) + "）",
                    "Far apart (request: " + provinceName(requestRegion, Language.EN) + ", offer: "
                            + provinceName(offerRegion, Language.EN) + ")");
        };
        return new Factor(Factor.Kind.REGION, round(contribution), false, reason);
    }

    private Factor agreement(AgreementLinks.Link link, double contribution) {
        if (link.kind() == AgreementLinks.Kind.NONE) {
            return new Factor(Factor.Kind.AGREEMENT, 0, false, null);
        }
        CooperationAgreement agreement = link.agreement();
        String titleZh = title(agreement, Language.ZH);
        String titleEn = title(agreement, Language.EN);
        if (link.kind() == AgreementLinks.Kind.ORGANIZATIONS) {
            return new Factor(Factor.Kind.AGREEMENT, round(contribution), false, new Factor.Reason(
                    "合作协议：" + titleZh + "（双方机构均为签约方）",
                    "Cooperation agreement: " + titleEn + " (both organizations are parties)"));
        }
        return new Factor(Factor.Kind.AGREEMENT, round(contribution), false, new Factor.Reason(
                "合作协议：" + titleZh + "（连接" + prefectureName(link.requestArea(), Language.ZH) + "与"
                        + prefectureName(link.offerArea(), Language.ZH) + "）",
                "Cooperation agreement: " + titleEn + " (links " + prefectureName(link.requestArea(), Language.EN)
                        + " and " + prefectureName(link.offerArea(), Language.EN) + ")"));
    }

    /**
     * Terms both listings use, as a reader of {@code language} would read them: shared concepts of the term table
     * in that language first (whatever language each listing was written in), then shared words of that language,
     * then of the other.
     */
    List<String> sharedTerms(Words request, Words offer, Language language) {
        Set<String> shown = new LinkedHashSet<>();
        for (String concept : request.concepts()) {
            if (offer.concepts().contains(concept)) {
                shown.add(terms.concept(concept).label(language));
            }
        }
        List<String> sharedChinese = request.chinese() != null
                ? request.chinese().stream().filter(w -> has(offer, w)).toList()
                : offer.chinese().stream().filter(w -> has(request, w)).toList();
        List<String> sharedEnglish = request.english().stream().filter(offer.english()::contains).toList();
        List<String> ordered = new ArrayList<>(language.isChinese() ? sharedChinese : sharedEnglish);
        ordered.addAll(language.isChinese() ? sharedEnglish : sharedChinese);
        for (String word : ordered) {
            String lower = word.toLowerCase(Locale.ROOT);
            if (shown.stream().noneMatch(s -> s.toLowerCase(Locale.ROOT).contains(lower))) {
                shown.add(word);
            }
        }
        return shown.stream().limit(SHARED_TERMS_SHOWN).toList();
    }

    private static boolean has(Words side, String chineseWord) {
        return side.chinese() != null ? side.chinese().contains(chineseWord) : side.chineseText().contains(chineseWord);
    }

    /** Chinese words that read as words: two characters or more. */
    private static Set<String> chineseWords(Listing listing) {
        Set<String> words = new LinkedHashSet<>();
        for (String token : TextAnalysis.tokens(TextAnalysis.CHINESE, TextAnalysis.chinese(listing))) {
            if (token.codePointCount(0, token.length()) > 1 && TextAnalysis.hasHan(token)) {
                words.add(token);
            }
        }
        return words;
    }

    /** English words that read as words: unstemmed, no stop words, no numbers. */
    private static Set<String> englishWords(Listing listing) {
        Set<String> words = new LinkedHashSet<>();
        for (String token : TextAnalysis.tokens(TextAnalysis.ENGLISH_READABLE, TextAnalysis.english(listing))) {
            if (token.length() > 2 && !TextAnalysis.hasHan(token) && !token.chars().allMatch(Character::isDigit)
                    && !TextAnalysis.ENGLISH_STOP.contains(token)) {
                words.add(token);
            }
        }
        return words;
    }

    private static String labels(List<TransferMode> modes, Language language) {
        return modes.stream().map(m -> m.label(language)).collect(Collectors.joining(language.isChinese() ? "、" : ", "));
    }

    private static String title(CooperationAgreement agreement, Language language) {
        if (agreement.title() == null || agreement.title().isEmpty()) {
            return language.isChinese() ? "生效中的合作协议" : "an agreement in force";
        }
        String title = agreement.title().get(language.tag());
        if (title == null) {
            title = agreement.title().values().iterator().next();
        }
        return language.isChinese() ? "《" + title + "》" : title;
    }

    private String name(String code, Language language) {
        return regions.find(code).map(r -> r.name(language.tag())).orElse(code);
    }

    /** A prefecture's name; a municipality's "districts" pseudo-prefecture is named after the municipality. */
    String prefectureName(String code, Language language) {
        Region region = regions.find(code).orElse(null);
        if (region == null) {
            return code;
        }
        if (region.level() != Region.Level.PREFECTURE) {
            region = regions.find(region.prefectureCode()).orElse(region);
        }
        if (MUNICIPALITIES.contains(region.provinceCode())) {
            region = regions.province(region.code());
        }
        return region.name(language.tag());
    }

    private String provinceName(String code, Language language) {
        return regions.find(code).map(r -> regions.province(r.code()).name(language.tag())).orElse(code);
    }

    /**
     * Money as people say it: 1.5M CNY in English, 150万元 in Chinese (万 = ten thousand).
     */
    static String money(BigDecimal amount, String currency, Language language) {
        double value = amount.doubleValue();
        if (language.isChinese()) {
            String unit = "CNY".equals(currency) ? "元" : " " + currency;
            if (value >= 1e8) {
                return compact(value / 1e8) + "亿" + unit;
            }
            if (value >= 1e4) {
                return compact(value / 1e4) + "万" + unit;
            }
            return compact(value) + unit;
        }
        if (value >= 1e9) {
            return String.format(Locale.ROOT, "%.1fB %s", value / 1e9, currency);
        }
        if (value >= 1e6) {
            return String.format(Locale.ROOT, "%.1fM %s", value / 1e6, currency);
        }
        if (value >= 1e3) {
            return compact(value / 1e3) + "k " + currency;
        }
        return compact(value) + " " + currency;
    }

    /** At most one decimal, none when it is zero. */
    private static String compact(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        return rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.valueOf(rounded);
    }

    private static double round(double contribution) {
        return Math.round(contribution * 1000) / 1000.0;
    }
}
