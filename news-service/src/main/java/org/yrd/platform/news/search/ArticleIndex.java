package org.yrd.platform.news.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * In-memory Lucene index of all articles (every state: the status is a filter), one field per language and
 * text: Chinese fields are analysed by SmartChineseAnalyzer (dictionary word segmentation, so a query
 * {@code 长三角一体化} finds {@code 长三角区域一体化发展} without spaces), English fields by EnglishAnalyzer
 * (stemming, stop words). A query is analysed by both and matches when either language matches; titles weigh more
 * than summaries, summaries more than bodies.
 * <p>
 * The store is the truth: this index is rebuilt from it at start and updated after every change. Each upsert
 * carries the stored version and an older version never replaces a newer one, so a rebuild that races with a
 * write cannot bring back stale text. Thread-safe.
 */
public final class ArticleIndex implements Closeable {

    public static final String ZH = "zh-CN";
    public static final String EN = "en-US";

    static final String ID = "id";
    static final String STATUS = "status";
    static final String CATEGORY = "category";
    static final String REGION = "region";
    static final String TAG = "tag";
    static final String LANGUAGE = "lang";
    static final Map<String, String> SORT_FIELDS = Map.of(
            "publishedAt", "publishedAt_sort", "createdAt", "createdAt_sort", "updatedAt", "updatedAt_sort");

    /** Query terms beyond this are ignored: a pasted essay should not become a thousand-clause query. */
    static final int MAX_QUERY_TERMS = 32;

    private enum Language {
        CHINESE(ZH, "zh"), ENGLISH(EN, "en");

        final String tag;
        final String title;
        final String summary;
        final String body;

        Language(String tag, String suffix) {
            this.tag = tag;
            this.title = "title_" + suffix;
            this.summary = "summary_" + suffix;
            this.body = "body_" + suffix;
        }
    }

    private final Analyzer chinese = new SmartChineseAnalyzer();
    private final Analyzer english = new EnglishAnalyzer();
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<String, Long> versions = new ConcurrentHashMap<>();

    public ArticleIndex() {
        Map<String, Analyzer> perField = Map.of(
                Language.CHINESE.title, chinese, Language.CHINESE.summary, chinese, Language.CHINESE.body, chinese,
                Language.ENGLISH.title, english, Language.ENGLISH.summary, english, Language.ENGLISH.body, english);
        try {
            writer = new IndexWriter(directory, new IndexWriterConfig(
                    new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), perField))
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the in-memory search index", e);
        }
    }

    /** Adds or replaces one article; false if the index already has this version or a newer one. */
    public boolean upsert(IndexedArticle article) {
        return upsertAll(List.of(article)) == 1;
    }

    /** Adds or replaces many articles and makes them searchable once at the end; returns how many changed. */
    public synchronized int upsertAll(Collection<IndexedArticle> articles) {
        int changed = 0;
        try {
            for (IndexedArticle article : articles) {
                Long known = versions.get(article.id());
                if (known != null && known >= article.version()) {
                    continue;
                }
                writer.updateDocument(new Term(ID, article.id()), toDocument(article));
                versions.put(article.id(), article.version());
                changed++;
            }
            if (changed > 0) {
                searchers.maybeRefreshBlocking();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update the search index", e);
        }
        return changed;
    }

    /** Number of articles indexed. */
    public int size() {
        return versions.size();
    }

    /** The indexed version of an article, or -1. */
    public long versionOf(String id) {
        return versions.getOrDefault(id, -1L);
    }

    public SearchHits search(SearchCriteria criteria) {
        Query text = textQuery(criteria.text());
        if (text == null) {
            return SearchHits.NONE;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(text, Occur.MUST);
        filter(query, STATUS, criteria.status());
        filter(query, CATEGORY, criteria.category());
        filter(query, REGION, criteria.region());
        filter(query, TAG, criteria.tag());
        filter(query, LANGUAGE, criteria.language());
        Query built = query.build();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                int total = searcher.count(built);
                long from = (long) criteria.page() * criteria.size();
                if (from >= total) {
                    return new SearchHits(List.of(), total);
                }
                int upTo = (int) Math.min(total, from + criteria.size());
                TopFieldDocs top = searcher.search(built, upTo, sort(criteria), false);
                StoredFields stored = searcher.storedFields();
                List<String> ids = new ArrayList<>(upTo - (int) from);
                ScoreDoc[] hits = top.scoreDocs;
                for (int i = (int) from; i < hits.length; i++) {
                    ids.add(stored.document(hits[i].doc, Set.of(ID)).get(ID));
                }
                return new SearchHits(ids, total);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("search failed", e);
        }
    }

    /** The terms the analyser of {@code language} makes of {@code text}, for tests and diagnostics. */
    public List<String> terms(String language, String text) {
        return analyze(EN.equals(language) ? english : chinese, text);
    }

    @Override
    public synchronized void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
        chinese.close();
        english.close();
    }

    private Query textQuery(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        BooleanQuery.Builder anyLanguage = new BooleanQuery.Builder();
        int languages = 0;
        for (Language language : Language.values()) {
            List<String> terms = analyze(language == Language.CHINESE ? chinese : english, text);
            if (terms.isEmpty()) {
                continue;
            }
            BooleanQuery.Builder allTerms = new BooleanQuery.Builder();
            for (String term : terms) {
                // per term, the best of title, summary and body counts (plus a little of the others)
                allTerms.add(new DisjunctionMaxQuery(List.of(
                        new BoostQuery(new TermQuery(new Term(language.title, term)), 3f),
                        new BoostQuery(new TermQuery(new Term(language.summary, term)), 2f),
                        new TermQuery(new Term(language.body, term))), 0.1f), Occur.SHOULD);
            }
            allTerms.setMinimumNumberShouldMatch(required(terms.size()));
            anyLanguage.add(allTerms.build(), Occur.SHOULD);
            languages++;
        }
        return languages == 0 ? null : anyLanguage.setMinimumNumberShouldMatch(1).build();
    }

    /**
     * Short queries need every term; longer ones three quarters of them, since word segmentation of a query and of
     * the same words inside a longer sentence can differ.
     */
    static int required(int terms) {
        return terms <= 2 ? terms : Math.max(2, terms * 3 / 4);
    }

    private static void filter(BooleanQuery.Builder query, String field, String value) {
        if (value != null && !value.isBlank()) {
            query.add(new TermQuery(new Term(field, value)), Occur.FILTER);
        }
    }

    private static Sort sort(SearchCriteria criteria) {
        List<SortField> fields = new ArrayList<>();
        for (SearchCriteria.SortKey key : criteria.sort()) {
            String field = SORT_FIELDS.get(key.field());
            if (field != null) {
                fields.add(new SortField(field, SortField.Type.LONG, key.descending()));
            }
        }
        fields.add(SortField.FIELD_SCORE);
        fields.add(new SortField(SORT_FIELDS.get("publishedAt"), SortField.Type.LONG, true));
        fields.add(new SortField(SORT_FIELDS.get("createdAt"), SortField.Type.LONG, true));
        return new Sort(fields.toArray(SortField[]::new));
    }

    private static List<String> analyze(Analyzer analyzer, String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream("query", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && terms.size() < MAX_QUERY_TERMS) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse the query", e);
        }
        return List.copyOf(terms);
    }

    private static Document toDocument(IndexedArticle article) {
        Document document = new Document();
        document.add(new StringField(ID, article.id(), Field.Store.YES));
        keyword(document, STATUS, article.status());
        keyword(document, CATEGORY, article.category());
        article.regionScope().forEach(region -> keyword(document, REGION, region));
        article.tags().forEach(tag -> keyword(document, TAG, tag));
        article.languages().forEach(language -> keyword(document, LANGUAGE, language));
        for (Language language : Language.values()) {
            text(document, language.title, article.title().get(language.tag));
            text(document, language.summary, article.summary().get(language.tag));
            text(document, language.body, article.body().get(language.tag));
        }
        document.add(new NumericDocValuesField(SORT_FIELDS.get("publishedAt"), millis(article.publishedAt())));
        document.add(new NumericDocValuesField(SORT_FIELDS.get("createdAt"), millis(article.createdAt())));
        document.add(new NumericDocValuesField(SORT_FIELDS.get("updatedAt"), millis(article.updatedAt())));
        return document;
    }

    private static void keyword(Document document, String field, String value) {
        if (value != null) {
            document.add(new StringField(field, value, Field.Store.NO));
        }
    }

    private static void text(Document document, String field, String value) {
        if (value != null && !value.isBlank()) {
            document.add(new TextField(field, value, Field.Store.NO));
        }
    }

    private static long millis(Instant instant) {
        return instant == null ? 0L : instant.toEpochMilli();
    }
}
