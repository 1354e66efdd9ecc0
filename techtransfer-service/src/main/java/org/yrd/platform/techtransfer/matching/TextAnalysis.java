package org.yrd.platform.techtransfer.matching;

import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.yrd.platform.techtransfer.search.BilingualTextIndex;

/**
 * The analyzers of the matching index, one per language, each in fields of its own: SmartCN segments Chinese,
 * the English analyzer stems English. Both drop, besides function words, the words every listing uses
 * ("technology", "system", 技术, 系统): they would relate everything to everything and slow every query down.
 */
final class TextAnalysis {

    static final String ZH = "zh-CN";
    static final String EN = "en-US";

    static final Analyzer CHINESE;
    static final Analyzer ENGLISH;
    /** The words ENGLISH drops, as they are written (before stemming). */
    static final CharArraySet ENGLISH_STOP;
    /** For the term table: stems, but keeps every content word, so "technology transfer" stays two words. */
    static final Analyzer ENGLISH_ALL_WORDS = new EnglishAnalyzer();
    /** For showing shared words: lower-cased and without stop words, but not stemmed, so they read as words. */
    static final Analyzer ENGLISH_READABLE = new StandardAnalyzer(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    static final Analyzer CONCEPTS = new WhitespaceAnalyzer();
    static final Analyzer INDEXING;

    static {
        CharArraySet chineseStop = new CharArraySet(SmartChineseAnalyzer.getDefaultStopSet(), false);
        chineseStop.addAll(List.of("的", "一", "种", "和", "与", "及", "等", "在", "对", "为", "是", "用", "于", "了",
                "其", "该", "本", "将", "可", "以", "并", "或", "由", "从", "而", "被", "把", "这", "那", "个", "之",
                "此", "已", "各", "每", "也", "就", "都", "能", "要", "会", "到", "使", "让", "向", "所", "有", "无",
                "不", "我", "我们", "贵", "公司", "企业", "单位", "需要", "需求", "寻求", "希望", "要求", "提供", "进行",
                "实现", "具有", "相关", "一种", "技术", "系统", "方法", "装置", "应用", "研究", "开发", "研发", "基于",
                "主要", "以及", "包括", "采用", "用于", "利用", "产品", "项目", "领域", "方面", "问题", "目前", "现有",
                "已经", "可以", "能够", "通过", "新型", "高效", "一体化", "平台", "方案", "服务", "合作", "能力",
                "工艺", "制备", "性能", "生产", "质量", "效率", "提高", "提升", "降低", "减少", "达到", "超过", "以上"));
        CHINESE = new SmartChineseAnalyzer(chineseStop);
        CharArraySet englishStop = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        englishStop.addAll(List.of("we", "our", "us", "you", "your", "its", "it's", "has", "have", "had", "can",
                "could", "would", "should", "may", "must", "also", "which", "who", "from", "more", "than", "other",
                "need", "needs", "needed", "looking", "seek", "seeking", "seeks", "want", "wants", "require",
                "requires", "required", "provide", "provides", "providing", "use", "uses", "using", "used", "based",
                "system", "systems", "method", "methods", "technology", "technologies", "technical", "solution",
                "solutions", "new", "novel", "application", "applications", "product", "products", "development",
                "develop", "developed", "company", "companies", "enterprise", "project", "projects", "platform",
                "service", "services", "cooperation", "partner", "partners", "high", "low", "efficient", "advanced",
                "capable", "capability", "existing", "current", "currently", "able", "one", "two", "include",
                "includes", "including", "etc", "e.g", "i.e", "process", "processes", "production", "performance",
                "quality", "improve", "improves", "improved", "reduce", "reduces", "reducing", "increase",
                "increases", "raise", "raises", "raising", "lower", "lowers", "above", "below", "over", "under"));
        ENGLISH_STOP = CharArraySet.unmodifiableSet(englishStop);
        ENGLISH = new EnglishAnalyzer(englishStop);
        INDEXING = new PerFieldAnalyzerWrapper(ENGLISH, Map.of(ListingIndex.TEXT_ZH, CHINESE,
                ListingIndex.CONCEPTS, CONCEPTS));
    }

    private TextAnalysis() {
    }

    static List<String> tokens(Analyzer analyzer, String text) {
        return BilingualTextIndex.tokens(analyzer, "text", text);
    }

    /** The listing's keywords written in Chinese (at least one Han character). */
    static String chineseKeywords(Listing listing) {
        return String.join(" ; ", listing.keywords().stream().filter(TextAnalysis::hasHan).toList());
    }

    /** The listing's other keywords: English, acronyms, product names. */
    static String englishKeywords(Listing listing) {
        return String.join(" ; ", listing.keywords().stream().filter(k -> !hasHan(k)).toList());
    }

    /** Everything the listing says in Chinese, keywords included. */
    static String chinese(Listing listing) {
        return String.join("\n", listing.title(ZH), listing.text(ZH), chineseKeywords(listing));
    }

    /** Everything the listing says in English, keywords included. */
    static String english(Listing listing) {
        return String.join("\n", listing.title(EN), listing.text(EN), englishKeywords(listing));
    }

    static boolean hasHan(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    static boolean isSingleHan(String token) {
        return token.codePointCount(0, token.length()) == 1 && hasHan(token);
    }
}
