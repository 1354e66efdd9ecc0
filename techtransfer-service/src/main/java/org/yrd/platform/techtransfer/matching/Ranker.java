package org.yrd.platform.techtransfer.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * One ranking: the probe's words become a BM25 query over the other side's index (both languages, each in a field
 * of its own, plus the shared concepts of the term table), the query also admits every candidate of the same field,
 * and each candidate's structured fit (read from doc values) is added to its text score; the best few are loaded
 * and explained. Candidates are read in text order only as deep as needed to be sure of the best few. Pure: no
 * store, no Spring.
 */
final class Ranker {

    /** FULL is the engine; the others are the baselines of the evaluation, on the same index. */
    enum Mode { FULL, TEXT_WITH_TERMS, BM25_ONLY }

    /** Most query terms taken from the probe per language, the most distinctive first (as MoreLikeThis does). */
    static final int MAX_TERMS_PER_LANGUAGE = 24;
    /** When choosing the probe's query terms, a word of its title or keywords counts this many times. */
    static final float TITLE_BOOST = 2.0f;
    static final float KEYWORD_BOOST = 2.0f;
    /** A shared concept of the term table weighs this much more than a shared word (tuned on the dev split). */
    static final float CONCEPT_BOOST = 3.0f;
    /**
     * In a large index, a word found in more than this share of the listings (boilerplate such as "pilot scale",
     * 已完成) tells nothing about fit and only makes the query slow; small indexes keep every word.
     */
    static final double MAX_DOC_FREQ_SHARE = 0.10;
    static final int FREQUENT_TERMS_FROM = 5_000;
    /** A single Chinese character (what SmartCN leaves of an unknown word) says less than a word. */
    static final double SINGLE_CHARACTER_WEIGHT = 0.5;

    private final MatchScorer scorer;
    private final Explainer explainer;
    private final BilingualTerms terms;
    private final float conceptBoost;
    private final int firstRead;

    Ranker(MatchScorer scorer, Explainer explainer, BilingualTerms terms) {
        this(scorer, explainer, terms, CONCEPT_BOOST, FIRST_READ);
    }

    Ranker(MatchScorer scorer, Explainer explainer, BilingualTerms terms, float conceptBoost) {
        this(scorer, explainer, terms, conceptBoost, FIRST_READ);
    }

    /** @param firstRead candidates first read in text order; above {@link #MAX_READ}, every candidate is scored */
    Ranker(MatchScorer scorer, Explainer explainer, BilingualTerms terms, float conceptBoost, int firstRead) {
        this.scorer = scorer;
        this.explainer = explainer;
        this.terms = terms;
        this.conceptBoost = conceptBoost;
        this.firstRead = firstRead;
    }

    List<RankedMatch> rank(Listing probe, ListingIndex target, AgreementLinks agreements, MatchQuery query,
                           Mode mode) {
        if (target.side() != probe.side().other()) {
            throw new IllegalArgumentException("a " + probe.side() + " is matched against the "
                    + probe.side().other() + " index");
        }
        AgreementLinks.ProbeLinks links = mode == Mode.FULL
                ? agreements.forProbe(probe.organizationId(), probe.region())
                : new AgreementLinks.ProbeLinks(Map.of(), Map.of());
        return target.search(searcher -> {
            ProbeQuery lucene = query(searcher.getIndexReader(), probe, query.excludedOrganizations(), mode);
            if (lucene == null) {
                return List.of();
            }
            try {
                Candidates candidates = new Candidates(probe, links, query, mode, lucene.meanIdf());
                List<Hit> best = mode == Mode.FULL ? best(searcher, lucene.query(), candidates)
                        : candidates.textOnly(searcher, lucene.query());
                List<RankedMatch> ranked = new ArrayList<>(best.size());
                Explainer.Words probeWords = mode == Mode.FULL && !best.isEmpty() ? explainer.words(probe) : null;
                for (Hit hit : best) {
                    ranked.add(explain(searcher, hit, probe, probeWords, agreements, mode));
                }
                return ranked;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot search the in-memory matching index", e);
            }
        });
    }

    /** First read of candidates in text order; four times as many each time, up to MAX_READ, then all are scored. */
    static final int FIRST_READ = 256;
    static final int MAX_READ = 8192;

    /**
     * The best candidates by total score, exactly, without scoring every candidate when it can be avoided: read
     * the best N by BM25 (Lucene skips most of the index for that), score those completely, and stop when the most
     * any candidate beyond them could score ({@link MatchScorer#maxTotal} of the N-th text score) is below what
     * the result already holds. Otherwise read four times as many, and finally score every candidate.
     */
    private List<Hit> best(IndexSearcher searcher, Query query, Candidates candidates) throws IOException {
        int limit = candidates.query.limit();
        int read = Math.max(firstRead, limit * 4);
        while (read <= MAX_READ) {
            TopDocs top = searcher.search(query, read);
            if (top.scoreDocs.length == 0) {
                return List.of();
            }
            candidates.reset(top.scoreDocs[0].score);
            candidates.addAll(searcher, top.scoreDocs);
            List<Hit> best = candidates.best();
            if (top.scoreDocs.length < read) {
                return best;
            }
            double beyond = scorer.maxTotal(scorer.textRelevance(top.scoreDocs[top.scoreDocs.length - 1].score,
                    candidates.bestBm25, candidates.meanIdf));
            // exact: nothing beyond can beat the last kept (equal totals could win on the tiebreak, so strictly),
            // or, short of a full page, nothing beyond can reach the threshold as shown
            boolean enough = best.size() >= limit ? beyond < best.get(limit - 1).total()
                    : candidates.query.minScore() > 0 && MatchScorer.shown(beyond) < candidates.query.minScore();
            if (enough) {
                return best;
            }
            read *= 4;
        }
        candidates.reset(0);
        searcher.search(query, candidates.collector());
        return candidates.best();
    }

    private RankedMatch explain(IndexSearcher searcher, Hit hit, Listing probe, Explainer.Words probeWords,
                                AgreementLinks agreements, Mode mode) throws IOException {
        org.apache.lucene.document.Document stored = searcher.storedFields().document(hit.doc(),
                Set.of(ListingIndex.SOURCE, ListingIndex.STORED_CONCEPTS));
        Listing candidate = ListingIndex.source(stored.getBinaryValue(ListingIndex.SOURCE));
        if (mode != Mode.FULL) {
            return new RankedMatch(candidate.id(), candidate.organizationId(), candidate.title(), hit.total(), false,
                    List.of());
        }
        Listing request = probe.side() == Listing.Side.REQUEST ? probe : candidate;
        Listing offer = probe.side() == Listing.Side.OFFER ? probe : candidate;
        AgreementLinks.Link link = agreements.between(request.organizationId(), request.region(),
                offer.organizationId(), offer.region());
        String concepts = stored.get(ListingIndex.STORED_CONCEPTS);
        Explainer.Words candidateWords = explainer.words(candidate, concepts == null || concepts.isEmpty() ? Set.of()
                : Set.of(concepts.split(" ")));
        List<Factor> factors = probe.side() == Listing.Side.REQUEST
                ? explainer.explain(request, probeWords, offer, candidateWords, hit.text(), link)
                : explainer.explain(request, candidateWords, offer, probeWords, hit.text(), link);
        return new RankedMatch(candidate.id(), candidate.organizationId(), candidate.title(),
                MatchScorer.shown(hit.total()), factors.stream().anyMatch(Factor::nearMiss), factors);
    }

    /** The Lucene query of a probe, and the mean idf of its terms (the scale of the BM25 scores it yields). */
    record ProbeQuery(Query query, double meanIdf) {
    }

    /**
     * The text part: the probe's most distinctive words per language against that language's field (title, text
     * and keywords), and its concepts against the candidates' concepts. FULL also admits every candidate of the same
     * field at zero text score ("cross-field matches are allowed", same-field ones need no shared word).
     */
    ProbeQuery query(IndexReader reader, Listing probe, Set<String> excludedOrganizations, Mode mode) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        int documents = Math.max(1, reader.numDocs());
        List<Weighted> chinese = selectTerms(reader, probe, true);
        List<Weighted> english = selectTerms(reader, probe, false);
        addTerms(builder, chinese, ListingIndex.TEXT_ZH);
        addTerms(builder, english, ListingIndex.TEXT_EN);
        int positive = chinese.size() + english.size();
        double idfSum = 0;
        for (Weighted term : chinese) {
            idfSum += term.idf();
        }
        for (Weighted term : english) {
            idfSum += term.idf();
        }
        if (mode != Mode.BM25_ONLY) {
            for (String concept : terms.conceptsOf(probe)) {
                Term term = new Term(ListingIndex.CONCEPTS, concept);
                int df = docFreq(reader, term);
                if (df > 0) {
                    builder.add(new BoostQuery(new TermQuery(term), conceptBoost), BooleanClause.Occur.SHOULD);
                    idfSum += idf(documents, df);
                    positive++;
                }
            }
        }
        double meanIdf = positive == 0 ? 1 : idfSum / positive;
        if (mode == Mode.FULL && probe.field() != null) {
            builder.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(ListingIndex.FIELD,
                    probe.field().name()))), 0f), BooleanClause.Occur.SHOULD);
            positive++;
        }
        if (positive == 0) {
            return null;
        }
        for (String organization : excludedOrganizations) {
            builder.add(new TermQuery(new Term(ListingIndex.ORGANIZATION, organization)), BooleanClause.Occur.MUST_NOT);
        }
        return new ProbeQuery(builder.build(), meanIdf);
    }

    record Weighted(String term, double weight, double idf) {
    }

    /** BM25's idf, as Lucene computes it. */
    static double idf(int documents, int df) {
        return Math.log(1 + (documents - df + 0.5) / (df + 0.5));
    }

    /**
     * The probe's words in one language, weighted by where they occur (title and keywords count double) and by
     * how rare they are among the candidates; words no candidate has are dropped, they cannot match.
     */
    List<Weighted> selectTerms(IndexReader reader, Listing probe, boolean chinese) {
        Map<String, Double> frequency = new HashMap<>();
        String language = chinese ? TextAnalysis.ZH : TextAnalysis.EN;
        var analyzer = chinese ? TextAnalysis.CHINESE : TextAnalysis.ENGLISH;
        count(frequency, TextAnalysis.tokens(analyzer, probe.title(language)), TITLE_BOOST);
        count(frequency, TextAnalysis.tokens(analyzer, probe.text(language)), 1.0);
        count(frequency, TextAnalysis.tokens(analyzer, chinese ? TextAnalysis.chineseKeywords(probe)
                : TextAnalysis.englishKeywords(probe)), KEYWORD_BOOST);
        String field = chinese ? ListingIndex.TEXT_ZH : ListingIndex.TEXT_EN;
        int documents = Math.max(1, reader.numDocs());
        List<Weighted> weighted = new ArrayList<>();
        for (Map.Entry<String, Double> entry : frequency.entrySet()) {
            String term = entry.getKey();
            if (!chinese && TextAnalysis.hasHan(term)) {
                continue;
            }
            int df = docFreq(reader, new Term(field, term));
            if (df == 0 || (documents >= FREQUENT_TERMS_FROM && df > documents * MAX_DOC_FREQ_SHARE)) {
                continue;
            }
            double idf = idf(documents, df);
            double weight = entry.getValue() * idf * (TextAnalysis.isSingleHan(term) ? SINGLE_CHARACTER_WEIGHT : 1);
            weighted.add(new Weighted(term, weight, idf));
        }
        weighted.sort(Comparator.comparingDouble(Weighted::weight).reversed().thenComparing(Weighted::term));
        return weighted.stream().limit(MAX_TERMS_PER_LANGUAGE).toList();
    }

    private static void count(Map<String, Double> frequency, List<String> tokens, double weight) {
        for (String token : tokens) {
            frequency.merge(token, weight, Double::sum);
        }
    }

    private static void addTerms(BooleanQuery.Builder builder, List<Weighted> selected, String field) {
        for (Weighted weighted : selected) {
            builder.add(new TermQuery(new Term(field, weighted.term())), BooleanClause.Occur.SHOULD);
        }
    }

    private static int docFreq(IndexReader reader, Term term) {
        try {
            return reader.docFreq(term);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A candidate among the best; {@code doc} is the searcher-wide doc id. */
    record Hit(double total, double text, long tiebreak, int doc) {
    }

    /** Worst first, so the queue's head is what a better candidate evicts; equal totals by the stable tiebreak. */
    private static final Comparator<Hit> WORST_FIRST = Comparator.comparingDouble(Hit::total)
            .thenComparing(Comparator.comparingLong(Hit::tiebreak).reversed());

    /**
     * The candidates read for one query, with their BM25 score and their fit (read from doc values, no document
     * loaded): {@link #best} combines them once the best BM25 score of the query is known, since the text relevance
     * is relative to it.
     */
    private final class Candidates {

        private final MatchQuery query;
        private final Mode mode;
        private final long now;
        private final AgreementLinks.ProbeLinks links;
        private final MatchScorer.Facts probeFacts;
        private final MatchScorer.Facts candidate = new MatchScorer.Facts();
        private final boolean probeIsRequest;
        private final double[] contributions = new double[MatchScorer.FACTORS];
        private final double meanIdf;

        private int size;
        private int[] docs = new int[256];
        private float[] bm25s = new float[256];
        private double[] gatedFit = new double[256];
        private double[] fullFit = new double[256];
        private long[] tiebreaks = new long[256];
        private float bestBm25;

        Candidates(Listing probe, AgreementLinks.ProbeLinks links, MatchQuery query, Mode mode, double meanIdf) {
            this.query = query;
            this.mode = mode;
            this.now = query.now().toEpochMilli();
            this.links = links;
            this.meanIdf = meanIdf;
            this.probeFacts = MatchScorer.Facts.of(probe);
            this.probeIsRequest = probe.side() == Listing.Side.REQUEST;
        }

        void reset(float best) {
            size = 0;
            bestBm25 = best;
        }

        /** Adds the candidates Lucene found in text order (any order of doc ids). */
        void addAll(IndexSearcher searcher, ScoreDoc[] found) throws IOException {
            ScoreDoc[] byDoc = found.clone();
            Arrays.sort(byDoc, Comparator.comparingInt(d -> d.doc));
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            LeafFacts leaf = null;
            for (ScoreDoc hit : byDoc) {
                if (leaf == null || hit.doc >= leaf.context.docBase + leaf.context.reader().maxDoc()) {
                    leaf = new LeafFacts(leaves.get(ReaderUtil.subIndex(hit.doc, leaves)));
                }
                add(leaf, hit.doc - leaf.context.docBase, hit.score);
            }
        }

        /** The same, for every candidate, as Lucene finds them. */
        SimpleCollector collector() {
            return new SimpleCollector() {
                private LeafFacts leaf;
                private Scorable scorable;

                @Override
                public ScoreMode scoreMode() {
                    return ScoreMode.COMPLETE;
                }

                @Override
                public void setScorer(Scorable scorer) {
                    this.scorable = scorer;
                }

                @Override
                protected void doSetNextReader(LeafReaderContext context) throws IOException {
                    leaf = new LeafFacts(context);
                }

                @Override
                public void collect(int doc) throws IOException {
                    float bm25 = scorable.score();
                    bestBm25 = Math.max(bestBm25, bm25);
                    add(leaf, doc, bm25);
                }
            };
        }

        /** BM25 alone, for the baselines: Lucene's own top hits, unexpired. */
        List<Hit> textOnly(IndexSearcher searcher, Query lucene) throws IOException {
            TopDocs top = searcher.search(lucene, query.limit() * 4 + 16);
            reset(top.scoreDocs.length == 0 ? 0 : top.scoreDocs[0].score);
            addAll(searcher, top.scoreDocs);
            return best();
        }

        private void add(LeafFacts leaf, int doc, float bm25) throws IOException {
            if (!leaf.expires.advanceExact(doc) || leaf.expires.longValue() <= now) {
                return;
            }
            if (size == docs.length) {
                int grown = size * 2;
                docs = Arrays.copyOf(docs, grown);
                bm25s = Arrays.copyOf(bm25s, grown);
                gatedFit = Arrays.copyOf(gatedFit, grown);
                fullFit = Arrays.copyOf(fullFit, grown);
                tiebreaks = Arrays.copyOf(tiebreaks, grown);
            }
            docs[size] = leaf.context.docBase + doc;
            bm25s[size] = bm25;
            if (mode == Mode.FULL) {
                leaf.fit(doc);
                double gated = 0;
                double full = 0;
                for (int i = 0; i < MatchScorer.FACTORS; i++) {
                    if (MatchScorer.gated(i, contributions[i])) {
                        gated += contributions[i];
                    } else {
                        full += contributions[i];
                    }
                }
                gatedFit[size] = gated;
                fullFit[size] = full;
            }
            tiebreaks[size] = leaf.tiebreak.advanceExact(doc) ? leaf.tiebreak.longValue() : 0;
            size++;
        }

        /** The best {@code limit} candidates read, best first. */
        List<Hit> best() {
            PriorityQueue<Hit> best = new PriorityQueue<>(query.limit() + 1, WORST_FIRST);
            double worstKept = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < size; i++) {
                double text = mode == Mode.FULL ? scorer.textRelevance(bm25s[i], bestBm25, meanIdf) : bm25s[i];
                double total = mode == Mode.FULL ? scorer.combine(text, gatedFit[i], fullFit[i]) : bm25s[i];
                // a threshold compares with the score as shown (within [0, 1]); 0 keeps every candidate
                boolean belowThreshold = mode == Mode.FULL && query.minScore() > 0
                        && MatchScorer.shown(total) < query.minScore();
                if (belowThreshold || (best.size() >= query.limit() && total < worstKept)) {
                    continue;
                }
                best.add(new Hit(total, text, tiebreaks[i], docs[i]));
                if (best.size() > query.limit()) {
                    best.poll();
                }
                if (best.size() >= query.limit()) {
                    worstKept = best.peek().total();
                }
            }
            List<Hit> hits = new ArrayList<>(best);
            hits.sort(WORST_FIRST.reversed());
            return hits;
        }

        /** The doc values of one segment, read forward. */
        private final class LeafFacts {
            final LeafReaderContext context;
            final NumericDocValues expires;
            final NumericDocValues field;
            final NumericDocValues trl;
            final NumericDocValues modes;
            final NumericDocValues moneyMin;
            final NumericDocValues moneyMax;
            final NumericDocValues currency;
            final NumericDocValues region;
            final NumericDocValues tiebreak;
            final SortedDocValues organization;
            /** Ordinals, in this segment, of the organizations an agreement links to the probe's. */
            final int[] linkedOrdinals;

            LeafFacts(LeafReaderContext context) throws IOException {
                this.context = context;
                LeafReader reader = context.reader();
                expires = DocValues.getNumeric(reader, ListingIndex.DV_EXPIRES);
                field = DocValues.getNumeric(reader, ListingIndex.DV_FIELD);
                trl = DocValues.getNumeric(reader, ListingIndex.DV_TRL);
                modes = DocValues.getNumeric(reader, ListingIndex.DV_MODES);
                moneyMin = DocValues.getNumeric(reader, ListingIndex.DV_MONEY_MIN);
                moneyMax = DocValues.getNumeric(reader, ListingIndex.DV_MONEY_MAX);
                currency = DocValues.getNumeric(reader, ListingIndex.DV_CURRENCY);
                region = DocValues.getNumeric(reader, ListingIndex.DV_REGION);
                tiebreak = DocValues.getNumeric(reader, ListingIndex.DV_TIEBREAK);
                organization = DocValues.getSorted(reader, ListingIndex.DV_ORGANIZATION);
                List<Integer> ordinals = new ArrayList<>();
                for (String linked : links.byOrganization().keySet()) {
                    int ordinal = organization.lookupTerm(new BytesRef(linked));
                    if (ordinal >= 0) {
                        ordinals.add(ordinal);
                    }
                }
                linkedOrdinals = ordinals.stream().mapToInt(Integer::intValue).toArray();
            }

            /** Every factor but the text (which needs the best BM25 score first) into {@code contributions}. */
            void fit(int doc) throws IOException {
                candidate.field = field.advanceExact(doc) ? (int) field.longValue() : -1;
                candidate.trl = trl.advanceExact(doc) ? (int) trl.longValue() : 0;
                candidate.modes = modes.advanceExact(doc) ? (int) modes.longValue() : 0;
                candidate.moneyMin = moneyMin.advanceExact(doc) ? moneyMin.longValue() : -1;
                candidate.moneyMax = moneyMax.advanceExact(doc) ? moneyMax.longValue() : -1;
                candidate.currency = currency.advanceExact(doc) ? (int) currency.longValue() : 0;
                candidate.region = region.advanceExact(doc) ? (int) region.longValue() : 0;
                boolean organizationLinked = false;
                if (linkedOrdinals.length > 0 && organization.advanceExact(doc)) {
                    int ordinal = organization.ordValue();
                    for (int linked : linkedOrdinals) {
                        organizationLinked |= linked == ordinal;
                    }
                }
                int agreement = links.isEmpty() ? MatchScorer.NO_AGREEMENT
                        : links.kind(organizationLinked, candidate.region);
                if (probeIsRequest) {
                    scorer.fit(probeFacts, candidate, agreement, contributions);
                } else {
                    scorer.fit(candidate, probeFacts, agreement, contributions);
                }
            }
        }
    }
}
