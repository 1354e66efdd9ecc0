package org.yrd.platform.techtransfer.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * Full-text scoring over bilingual listings with Lucene BM25: Chinese text is segmented by SmartCN, English text
 * stemmed by the English analyzer, and keywords are indexed in both. Title and keyword hits weigh more than body
 * hits. The index is built in memory for one question over the candidates the caller may see, which keeps it
 * consistent with the store across instances without any index maintenance.
 */
public final class BilingualTextIndex {

    /** One listing as the index sees it. */
    public record Entry(String id, Map<String, String> title, Map<String, String> body, List<String> keywords) {
    }

    static final String ZH = "zh-CN";
    static final String EN = "en-US";
    private static final int MAX_TERMS_PER_LANGUAGE = 64;
    private static final float TITLE_BOOST = 2.0f;
    private static final float KEYWORD_BOOST = 3.0f;

    private static final Analyzer CHINESE = new SmartChineseAnalyzer();
    private static final Analyzer ENGLISH = new EnglishAnalyzer();
    /** For showing shared words: lower-cased and without stop words, but not stemmed, so they read as words. */
    private static final Analyzer ENGLISH_WORDS = new StandardAnalyzer(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    private static final Analyzer INDEXING = new PerFieldAnalyzerWrapper(ENGLISH, Map.of(
            "title_zh", CHINESE, "body_zh", CHINESE, "kw_zh", CHINESE));

    private BilingualTextIndex() {
    }

    /** BM25 scores of the entries that match any word of a free-text query, by entry id. */
    public static Map<String, Float> search(List<Entry> entries, String text) {
        Query query = query(text, text);
        return query == null ? Map.of() : score(entries, query);
    }

    /** BM25 scores of the entries that share words with {@code probe}, by entry id. */
    public static Map<String, Float> similarTo(List<Entry> entries, Entry probe) {
        String chinese = String.join(" ", pick(probe.title(), ZH), pick(probe.body(), ZH), String.join(" ",
                probe.keywords()));
        String english = String.join(" ", pick(probe.title(), EN), pick(probe.body(), EN), String.join(" ",
                probe.keywords()));
        Query query = query(chinese, english);
        return query == null ? Map.of() : score(entries, query);
    }

    /**
     * Words the two entries have in common, as a person would read them: shared keywords first (as written in
     * the candidate), then shared words of titles and texts; at most {@code limit}.
     */
    public static List<String> sharedTerms(Entry probe, Entry candidate, int limit) {
        Set<String> shared = new LinkedHashSet<>();
        Set<String> probeKeywords = new HashSet<>();
        probe.keywords().forEach(k -> probeKeywords.add(k.toLowerCase(Locale.ROOT)));
        for (String keyword : candidate.keywords()) {
            if (probeKeywords.contains(keyword.toLowerCase(Locale.ROOT))) {
                shared.add(keyword);
            }
        }
        Set<String> candidateWords = words(candidate);
        for (String word : words(probe)) {
            if (candidateWords.contains(word) && shared.stream().noneMatch(s -> s.equalsIgnoreCase(word))) {
                shared.add(word);
            }
        }
        return shared.stream().limit(limit).toList();
    }

    private static Set<String> words(Entry entry) {
        Set<String> words = new LinkedHashSet<>();
        String chinese = String.join(" ", pick(entry.title(), ZH), pick(entry.body(), ZH),
                String.join(" ", entry.keywords()));
        for (String token : tokens(CHINESE, "body_zh", chinese)) {
            // single characters carry little meaning in Chinese and would make every pair look related
            if (token.codePointCount(0, token.length()) > 1 && !isAscii(token)) {
                words.add(token);
            }
        }
        String english = String.join(" ", pick(entry.title(), EN), pick(entry.body(), EN),
                String.join(" ", entry.keywords()));
        for (String token : tokens(ENGLISH_WORDS, "body_en", english)) {
            if (token.length() > 2 && !hasHan(token) && !token.chars().allMatch(Character::isDigit)) {
                words.add(token);
            }
        }
        return words;
    }

    private static Query query(String chineseText, String englishText) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        int clauses = 0;
        for (String term : distinct(tokens(CHINESE, "body_zh", chineseText))) {
            clauses += addTerm(query, "zh", term);
        }
        for (String term : distinct(tokens(ENGLISH, "body_en", englishText))) {
            // the English analyzer cuts Chinese into single characters, which would match almost anything
            if (!hasHan(term)) {
                clauses += addTerm(query, "en", term);
            }
        }
        return clauses == 0 ? null : query.build();
    }

    private static int addTerm(BooleanQuery.Builder query, String language, String term) {
        query.add(new BoostQuery(new TermQuery(new Term("title_" + language, term)), TITLE_BOOST),
                BooleanClause.Occur.SHOULD);
        query.add(new TermQuery(new Term("body_" + language, term)), BooleanClause.Occur.SHOULD);
        query.add(new BoostQuery(new TermQuery(new Term("kw_" + language, term)), KEYWORD_BOOST),
                BooleanClause.Occur.SHOULD);
        return 3;
    }

    private static List<String> distinct(List<String> tokens) {
        return new ArrayList<>(new LinkedHashSet<>(tokens)).stream().limit(MAX_TERMS_PER_LANGUAGE).toList();
    }

    private static Map<String, Float> score(List<Entry> entries, Query query) {
        if (entries.isEmpty()) {
            return Map.of();
        }
        try (Directory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(INDEXING))) {
                for (Entry entry : entries) {
                    writer.addDocument(document(entry));
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                Map<String, Float> scores = new HashMap<>();
                for (ScoreDoc hit : searcher.search(query, entries.size()).scoreDocs) {
                    scores.put(searcher.storedFields().document(hit.doc).get("id"), hit.score);
                }
                return scores;
            }
        } catch (IOException e) {
            // an in-memory directory does not fail on I/O
            throw new UncheckedIOException(e);
        }
    }

    private static Document document(Entry entry) {
        Document document = new Document();
        document.add(new StringField("id", entry.id(), Field.Store.YES));
        document.add(new TextField("title_zh", pick(entry.title(), ZH), Field.Store.NO));
        document.add(new TextField("title_en", pick(entry.title(), EN), Field.Store.NO));
        document.add(new TextField("body_zh", pick(entry.body(), ZH), Field.Store.NO));
        document.add(new TextField("body_en", pick(entry.body(), EN), Field.Store.NO));
        String keywords = String.join(" ; ", entry.keywords());
        document.add(new TextField("kw_zh", keywords, Field.Store.NO));
        document.add(new TextField("kw_en", keywords, Field.Store.NO));
        return document;
    }

    /** The terms an analyzer makes of a text (none for a blank one); shared with the matching engine. */
    public static List<String> tokens(Analyzer analyzer, String field, String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return tokens;
        }
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    private static String pick(Map<String, String> text, String language) {
        if (text == null) {
            return "";
        }
        String value = text.get(language);
        return value == null ? "" : value;
    }

    private static boolean hasHan(String token) {
        return token.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static boolean isAscii(String token) {
        return token.chars().allMatch(c -> c < 128);
    }
}
