package org.yrd.platform.techtransfer.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yrd.platform.commons.region.RegionCatalog;
import org.yrd.platform.techtransfer.listing.Language;

/**
 * Loads the evaluation set into a fresh engine and measures it: nDCG@10 (gain 2^grade - 1) and P@5 (grade 1 or 2
 * counts as relevant) of the engine, of BM25 with the bilingual term table (text only) and of BM25 alone, all on
 * the same index and the same candidates (published, unexpired, never the requester's own offers).
 *
 * <pre>
 * flock /tmp/mvn.lock mvn -o -B -q -pl techtransfer-service test-compile exec:java \
 *   -Dexec.mainClass=org.yrd.platform.techtransfer.matching.MatchingEvaluation [-Dexec.args=--verbose]
 * </pre>
 */
public final class MatchingEvaluation implements AutoCloseable {

    static final int K = 10;
    static final int P_AT = 5;

    record Figures(double ndcg, double precision, int requests) {
    }

    private final EvaluationSet set;
    private final ListingIndex offers;
    private final Ranker ranker;
    private final AgreementLinks agreements;
    private final Instant now;

    MatchingEvaluation(EvaluationSet set, MatchScorer.Weights weights, Instant now) {
        this(set, weights, Ranker.CONCEPT_BOOST, now);
    }

    MatchingEvaluation(EvaluationSet set, MatchScorer.Weights weights, float conceptBoost, Instant now) {
        this.set = set;
        this.now = now;
        BilingualTerms terms = BilingualTerms.loadDefault();
        RegionCatalog regions = RegionCatalog.loadDefault();
        MatchScorer scorer = new MatchScorer(weights);
        this.offers = new ListingIndex(Listing.Side.OFFER, terms);
        set.offers().forEach(offers::apply);
        offers.refresh();
        this.ranker = new Ranker(scorer, new Explainer(scorer, terms, regions), terms, conceptBoost);
        this.agreements = new AgreementLinks(set.agreements(), regions);
    }

    static MatchingEvaluation standard() {
        Instant now = Instant.parse("2026-06-01T00:00:00Z");
        MatchScorer.Weights weights = MatchScorer.Weights.DEFAULT;
        // for exploring by hand: -Dmatching.text=0.6 -Dmatching.damping=5 -Dmatching.gate=0.5
        weights = weights.withText(Double.parseDouble(System.getProperty("matching.text", "" + weights.text())),
                Double.parseDouble(System.getProperty("matching.damping", "" + weights.textDamping())),
                Double.parseDouble(System.getProperty("matching.gate", "" + weights.fitGate())));
        return new MatchingEvaluation(EvaluationSet.load(now), weights, now);
    }

    List<RankedMatch> rank(EvaluationSet.Request request, Ranker.Mode mode) {
        return ranker.rank(request.listing(), offers, agreements,
                new MatchQuery(Set.of(request.listing().organizationId()), K, now), mode);
    }

    /** Figures of one mode over the requests of one split ("dev", "test"), or all of them (null). */
    Figures measure(Ranker.Mode mode, String split) {
        double ndcg = 0;
        double precision = 0;
        int count = 0;
        for (EvaluationSet.Request request : set.requests()) {
            if (split != null && !split.equals(request.split())) {
                continue;
            }
            List<String> ranked = rank(request, mode).stream().map(RankedMatch::id).toList();
            ndcg += ndcg(request.listing().id(), ranked);
            precision += precision(request.listing().id(), ranked);
            count++;
        }
        return new Figures(ndcg / count, precision / count, count);
    }

    double ndcg(String requestId, List<String> ranked) {
        double dcg = 0;
        for (int i = 0; i < Math.min(K, ranked.size()); i++) {
            dcg += gain(set.grade(requestId, ranked.get(i))) / log2(i + 2);
        }
        List<Integer> ideal = new ArrayList<>(set.judgments().getOrDefault(requestId, Map.of()).values());
        ideal.sort(Comparator.reverseOrder());
        double idcg = 0;
        for (int i = 0; i < Math.min(K, ideal.size()); i++) {
            idcg += gain(ideal.get(i)) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    double precision(String requestId, List<String> ranked) {
        long relevant = ranked.stream().limit(P_AT).filter(id -> set.grade(requestId, id) > 0).count();
        return (double) relevant / P_AT;
    }

    private static double gain(int grade) {
        return Math.pow(2, grade) - 1;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    Map<Ranker.Mode, Map<String, Figures>> report() {
        Map<Ranker.Mode, Map<String, Figures>> report = new EnumMap<>(Ranker.Mode.class);
        for (Ranker.Mode mode : Ranker.Mode.values()) {
            report.put(mode, Map.of("dev", measure(mode, "dev"), "test", measure(mode, "test"),
                    "all", measure(mode, null)));
        }
        return report;
    }

    void print(boolean verbose) {
        System.out.printf(Locale.ROOT, "evaluation set: %d offers, %d requests (%d dev, %d held-out test), %d judged pairs%n",
                set.offers().size(), set.requests().size(),
                set.requests().stream().filter(r -> r.split().equals("dev")).count(),
                set.requests().stream().filter(r -> r.split().equals("test")).count(),
                set.judgments().values().stream().mapToInt(Map::size).sum());
        System.out.printf(Locale.ROOT, "%-28s %-22s %-22s %-22s%n", "", "dev", "held-out test", "all");
        System.out.printf(Locale.ROOT, "%-28s %-22s %-22s %-22s%n", "", "nDCG@10   P@5", "nDCG@10   P@5",
                "nDCG@10   P@5");
        Map<Ranker.Mode, Map<String, Figures>> report = report();
        for (Ranker.Mode mode : Ranker.Mode.values()) {
            Map<String, Figures> figures = report.get(mode);
            System.out.printf(Locale.ROOT, "%-28s %-22s %-22s %-22s%n", label(mode), cell(figures.get("dev")),
                    cell(figures.get("test")), cell(figures.get("all")));
        }
        double ceiling = set.requests().stream().mapToDouble(r -> Math.min(P_AT, set.judgments()
                .getOrDefault(r.listing().id(), Map.of()).values().stream().filter(g -> g > 0).count()) / (double) P_AT)
                .average().orElse(0);
        System.out.printf(Locale.ROOT, "(P@5 cannot exceed %.3f here: most requests have fewer than 5 relevant offers)%n",
                ceiling);
        if (verbose) {
            for (EvaluationSet.Request request : set.requests()) {
                System.out.printf(Locale.ROOT, "%n%s (%s) %s%n", request.listing().id(), request.split(),
                        request.listing().title());
                for (Ranker.Mode mode : Ranker.Mode.values()) {
                    List<RankedMatch> ranked = rank(request, mode);
                    StringBuilder line = new StringBuilder();
                    for (RankedMatch match : ranked) {
                        line.append(String.format(Locale.ROOT, " %s[%d]%.2f", match.id(),
                                set.grade(request.listing().id(), match.id()), match.score()));
                    }
                    System.out.printf(Locale.ROOT, "  %-16s nDCG %.3f:%s%n", mode, ndcg(request.listing().id(),
                            ranked.stream().map(RankedMatch::id).toList()), line);
                }
                List<RankedMatch> best = rank(request, Ranker.Mode.FULL);
                if (!best.isEmpty()) {
                    System.out.println("  reasons of the first: " + best.get(0).reasons(Language.EN));
                }
            }
        }
    }

    private static String label(Ranker.Mode mode) {
        return switch (mode) {
            case FULL -> "engine";
            case TEXT_WITH_TERMS -> "BM25 + term table (text)";
            case BM25_ONLY -> "BM25 only (baseline)";
        };
    }

    private static String cell(Figures figures) {
        return String.format(Locale.ROOT, "%.3f     %.3f", figures.ndcg(), figures.precision());
    }

    @Override
    public void close() throws Exception {
        offers.close();
    }

    /**
     * The tuning grid: text weight and damping, measured on the dev split only (the held-out split is never
     * looked at while tuning; {@link #print} reports it afterwards).
     */
    static void tune() throws Exception {
        Instant now = Instant.parse("2026-06-01T00:00:00Z");
        EvaluationSet set = EvaluationSet.load(now);
        System.out.println("dev nDCG@10 / P@5 by fit gate, text weight (rows) and text damping (columns)");
        double[] dampings = {1, 2, 3, 5, 8};
        for (double gate : new double[] {0.25, 0.5, 0.75, 1.0}) {
            for (double text : new double[] {0.45, 0.55, 0.65, 0.75}) {
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "g%.2f t%.2f ", gate, text));
                for (double damping : dampings) {
                    try (MatchingEvaluation evaluation = new MatchingEvaluation(set,
                            MatchScorer.Weights.DEFAULT.withText(text, damping, gate), now)) {
                        Figures dev = evaluation.measure(Ranker.Mode.FULL, "dev");
                        row.append(String.format(Locale.ROOT, " d%-3.0f %.3f/%.3f", damping, dev.ndcg(),
                                dev.precision()));
                    }
                }
                System.out.println(row);
            }
        }
        System.out.println("dev nDCG@10 / P@5 by concept boost, engine and text only");
        for (float boost : new float[] {1f, 2f, 3f, 4f}) {
            try (MatchingEvaluation evaluation = new MatchingEvaluation(set, MatchScorer.Weights.DEFAULT, boost, now)) {
                Figures full = evaluation.measure(Ranker.Mode.FULL, "dev");
                Figures text = evaluation.measure(Ranker.Mode.TEXT_WITH_TERMS, "dev");
                System.out.printf(Locale.ROOT, "boost %.0f  engine %.3f/%.3f  text %.3f/%.3f%n", boost, full.ndcg(),
                        full.precision(), text.ndcg(), text.precision());
            }
        }
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--tune")) {
            tune();
            return;
        }
        try (MatchingEvaluation evaluation = standard()) {
            evaluation.print(List.of(args).contains("--verbose"));
        }
    }
}
