package org.yrd.platform.techtransfer.matching;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import tools.jackson.databind.json.JsonMapper;

/**
 * The long-lived Lucene index of one side of the market (all published offers, or all published requests), kept
 * in step with the store by {@link #apply}: a listing is indexed while PUBLISHED and removed when it leaves that
 * state; expiry is checked at query time. Every change carries the aggregate's version, and an older version than
 * the one already applied is ignored, so a rebuild racing with live writes, a replayed event or a reconciliation
 * never brings back a stale state, and a listing is in the index at most once (updates replace by id).
 *
 * <p>Per listing: the text in a Chinese and an English field each (title, text, keywords), its concepts of the
 * {@link BilingualTerms}, the structured facts as doc values (read per candidate without loading documents), and
 * the listing itself as stored JSON (read for the few results that are explained).
 */
final class ListingIndex implements Closeable {

    static final String ID = "id";
    static final String ORGANIZATION = "org";
    static final String FIELD = "field";
    /** Everything a listing says in one language; title and keywords twice, so they weigh more (BM25F-like). */
    static final String TEXT_ZH = "text_zh";
    static final String TEXT_EN = "text_en";
    static final String CONCEPTS = "concepts";
    static final String SOURCE = "source";
    /** The concepts, stored too: the reasons of a result need them without analysing its text again. */
    static final String STORED_CONCEPTS = "stored_concepts";

    static final String DV_EXPIRES = "dv_expires";
    static final String DV_FIELD = "dv_field";
    static final String DV_TRL = "dv_trl";
    static final String DV_MODES = "dv_modes";
    static final String DV_MONEY_MIN = "dv_money_min";
    static final String DV_MONEY_MAX = "dv_money_max";
    static final String DV_CURRENCY = "dv_currency";
    static final String DV_REGION = "dv_region";
    static final String DV_TIEBREAK = "dv_tiebreak";
    static final String DV_ORGANIZATION = "dv_org";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Listing.Side side;
    private final BilingualTerms terms;
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /** Last version applied per listing id, including listings that are not (or no longer) indexed. */
    private final Map<String, Long> versions = new ConcurrentHashMap<>();
    private final Set<String> indexed = ConcurrentHashMap.newKeySet();

    ListingIndex(Listing.Side side, BilingualTerms terms) {
        this.side = side;
        this.terms = terms;
        try {
            IndexWriterConfig config = new IndexWriterConfig(TextAnalysis.INDEXING)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                    .setCommitOnClose(false)
                    .setRAMBufferSizeMB(32);
            writer = new IndexWriter(directory, config);
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the in-memory matching index", e);
        }
    }

    Listing.Side side() {
        return side;
    }

    BilingualTerms terms() {
        return terms;
    }

    /**
     * Brings the index in line with this state of a listing, unless a newer state was applied already. Not
     * visible to searches before the next {@link #refresh}.
     *
     * @return whether the index changed
     */
    synchronized boolean apply(Listing listing) {
        if (listing.side() != side) {
            throw new IllegalArgumentException(listing.side() + " " + listing.id() + " does not belong in the "
                    + side + " index");
        }
        Long known = versions.get(listing.id());
        if (known != null && known >= listing.version()) {
            return false;
        }
        versions.put(listing.id(), listing.version());
        try {
            if (listing.published()) {
                writer.updateDocument(new Term(ID, listing.id()), document(listing));
                indexed.add(listing.id());
                return true;
            }
            if (indexed.remove(listing.id())) {
                writer.deleteDocuments(new Term(ID, listing.id()));
                return true;
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update the in-memory matching index", e);
        }
    }

    /** Forgets a listing the store no longer has; it can never come back under the same id. */
    synchronized boolean remove(String id) {
        versions.put(id, Long.MAX_VALUE);
        try {
            if (indexed.remove(id)) {
                writer.deleteDocuments(new Term(ID, id));
                return true;
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update the in-memory matching index", e);
        }
    }

    /** Makes every applied change visible to searches started from now on. */
    void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot refresh the in-memory matching index", e);
        }
    }

    /** The version of a listing as last applied, or -1. */
    long version(String id) {
        return versions.getOrDefault(id, -1L);
    }

    /** Ids of the listings in the index (applied, maybe not yet refreshed). */
    Set<String> indexedIds() {
        return Set.copyOf(indexed);
    }

    int size() {
        return indexed.size();
    }

    <T> T search(Function<IndexSearcher, T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search the in-memory matching index", e);
        }
    }

    /** Heap taken by the index data itself: its files in memory plus the writer's buffer (not the version map). */
    long ramBytesUsed() {
        try {
            long bytes = writer.ramBytesUsed();
            for (String file : directory.listAll()) {
                try {
                    bytes += directory.fileLength(file);
                } catch (java.nio.file.NoSuchFileException mergedAway) {
                    // a merge deleted it since listAll: no longer held
                }
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Document document(Listing listing) {
        Document doc = new Document();
        doc.add(new StringField(ID, listing.id(), Field.Store.NO));
        doc.add(new StringField(ORGANIZATION, nullToEmpty(listing.organizationId()), Field.Store.NO));
        doc.add(new StringField(FIELD, listing.field() == null ? "" : listing.field().name(), Field.Store.NO));
        doc.add(new TextField(TEXT_ZH, weighted(listing.title(TextAnalysis.ZH), listing.text(TextAnalysis.ZH),
                TextAnalysis.chineseKeywords(listing)), Field.Store.NO));
        doc.add(new TextField(TEXT_EN, weighted(listing.title(TextAnalysis.EN), listing.text(TextAnalysis.EN),
                TextAnalysis.englishKeywords(listing)), Field.Store.NO));
        String concepts = String.join(" ", terms.conceptsOf(listing));
        doc.add(new TextField(CONCEPTS, concepts, Field.Store.NO));
        doc.add(new StoredField(STORED_CONCEPTS, concepts));
        doc.add(new StoredField(SOURCE, new BytesRef(JSON.writeValueAsBytes(listing))));

        MatchScorer.Facts facts = MatchScorer.Facts.of(listing);
        doc.add(new NumericDocValuesField(DV_EXPIRES, listing.expiresAt() == null ? Long.MIN_VALUE
                : listing.expiresAt().toEpochMilli()));
        doc.add(new NumericDocValuesField(DV_FIELD, facts.field));
        doc.add(new NumericDocValuesField(DV_TRL, facts.trl));
        doc.add(new NumericDocValuesField(DV_MODES, facts.modes));
        doc.add(new NumericDocValuesField(DV_MONEY_MIN, facts.moneyMin));
        doc.add(new NumericDocValuesField(DV_MONEY_MAX, facts.moneyMax));
        doc.add(new NumericDocValuesField(DV_CURRENCY, facts.currency));
        doc.add(new NumericDocValuesField(DV_REGION, facts.region));
        doc.add(new NumericDocValuesField(DV_TIEBREAK, tiebreak(listing.id())));
        doc.add(new SortedDocValuesField(DV_ORGANIZATION, new BytesRef(nullToEmpty(listing.organizationId()))));
        return doc;
    }

    /**
     * One field per language instead of one per part: a query term is then one clause, not three, which is what
     * keeps a query over 100,000 listings fast; repeating title and keywords keeps their weight.
     */
    static String weighted(String title, String text, String keywords) {
        return String.join("\n", title, title, text, keywords, keywords);
    }

    static Listing source(BytesRef json) {
        return JSON.readValue(json.bytes, json.offset, json.length, Listing.class);
    }

    /** Orders equal scores the same way on every instance and after every rebuild (Lucene doc ids do not). */
    static long tiebreak(String id) {
        long hash = 1125899906842597L;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            hash = 31 * hash + b;
        }
        return hash;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
