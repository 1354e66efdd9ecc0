package org.yrd.platform.techtransfer.matching;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.yrd.platform.commons.region.RegionCatalog;
import org.yrd.platform.techtransfer.agreement.CooperationAgreement;
import org.yrd.platform.techtransfer.offer.Offer;
import org.yrd.platform.techtransfer.offer.OfferFixtures;
import org.yrd.platform.techtransfer.offer.OfferService;
import org.yrd.platform.techtransfer.request.TechnologyRequest;

/**
 * The matching engine's benchmark (docs/BENCHMARKS.md): a seeded synthetic catalogue of N published offers in the
 * MongoDB wire-protocol store, the index rebuilt from the store as at start (time and heap), then ranking latency
 * (p50, p95) of requests against it, and the cost of continuous matching: scoring 10,000 open requests when an
 * offer is published. Single-threaded, after a warm-up. Latencies are wall-clock; the CPU time of the query thread
 * is printed next to them, and the load average, because this machine is shared.
 *
 * <pre>
 * MAVEN_OPTS="-Xmx1g -XX:+UseSerialGC" flock /tmp/mvn.lock mvn -o -B -q -pl techtransfer-service test-compile \
 *   exec:java -Dexec.mainClass=org.yrd.platform.techtransfer.matching.MatchingBenchmark -Dexec.args="10000 100000"
 * </pre>
 */
public final class MatchingBenchmark {

    static final long SEED = 20190723L;
    static final int QUERIES = 400;
    static final int WARM_UP = 150;
    static final int OPEN_REQUESTS = 10_000;
    static final int PUBLICATIONS = 100;

    private static final java.util.concurrent.atomic.AtomicInteger SIZES_FIRST = new java.util.concurrent.atomic.AtomicInteger();

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = args.length == 0 ? List.of(10_000, 100_000)
                : Arrays.stream(args).map(Integer::parseInt).toList();
        SIZES_FIRST.set(sizes.get(0));
        System.out.printf(Locale.ROOT, "java %s, %d cores, max heap %d MB, load average %.2f%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, load());
        for (int size : sizes) {
            offers(size);
        }
        continuousMatching();
        System.out.printf(Locale.ROOT, "%nload average at the end %.2f%n", load());
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    static void offers(int size) throws Exception {
        Instant now = Instant.now();
        MongoServer server = new MongoServer(new MemoryBackend());
        String address = "mongodb://" + server.bind().getHostString() + ":" + server.getLocalAddress().getPort();
        try (MongoClient client = MongoClients.create(address)) {
            MongoTemplate mongo = new MongoTemplate(client, "benchmark");
            SyntheticCatalogue catalogue = new SyntheticCatalogue(SEED, now);
            int organizations = Math.max(100, size / 5);
            long started = System.nanoTime();
            List<Offer> batch = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                batch.add(catalogue.offer(organizations));
                if (batch.size() == 2000) {
                    mongo.insert(batch, Offer.class);
                    batch.clear();
                }
            }
            mongo.insert(batch, Offer.class);
            System.out.printf(Locale.ROOT, "%n%,d published offers stored in %.1f s%n", size, seconds(started));

            // the rebuild at start: the same store read and the same index as MatchingIndexMaintainer; the
            // analyzers' dictionaries (SmartCN's above all) are loaded once per JVM, counted apart
            long heapEmpty = usedHeap();
            TextAnalysis.tokens(TextAnalysis.CHINESE, "锂电池固态电解质");
            TextAnalysis.tokens(TextAnalysis.ENGLISH, "solid electrolytes");
            BilingualTerms.loadDefault();
            long heapBefore = usedHeap();
            if (size == SIZES_FIRST.get()) {
                System.out.printf(Locale.ROOT, "analyzers and term table (once per JVM): %d MB%n",
                        (heapBefore - heapEmpty) >> 20);
            }
            OfferService reader = OfferFixtures.reader(mongo);
            BilingualTerms terms = BilingualTerms.loadDefault();
            started = System.nanoTime();
            ListingIndex index = new ListingIndex(Listing.Side.OFFER, terms);
            reader.forEachPublished(offer -> index.apply(Listing.of(offer)));
            index.refresh();
            double rebuild = seconds(started);
            started = System.nanoTime();
            long[] read = new long[1];
            reader.forEachPublished(offer -> read[0]++);
            double storeRead = seconds(started);
            long heapAfter = usedHeap();
            System.out.printf(Locale.ROOT, "rebuild from the store: %.1f s (%,.0f offers/s), of which reading the "
                            + "store alone %.1f s; heap held by the index %d MB (Lucene data %d MB)%n", rebuild,
                    size / rebuild, storeRead, (heapAfter - heapBefore) >> 20, index.ramBytesUsed() >> 20);

            Ranker ranker = ranker(terms);
            AgreementLinks agreements = agreements(catalogue, organizations);
            List<Listing> probes = new ArrayList<>();
            for (int i = 0; i < WARM_UP + QUERIES; i++) {
                probes.add(Listing.of(catalogue.request(organizations)));
            }
            long[] latencies = new long[QUERIES];
            long[] cpu = new long[QUERIES];
            int results = 0;
            for (int i = 0; i < probes.size(); i++) {
                Listing probe = probes.get(i);
                long c = THREADS.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                results += ranker.rank(probe, index, agreements, new MatchQuery(Set.of(probe.organizationId()), 10,
                        now), Ranker.Mode.FULL).size();
                if (i >= WARM_UP) {
                    latencies[i - WARM_UP] = System.nanoTime() - t;
                    cpu[i - WARM_UP] = THREADS.getCurrentThreadCpuTime() - c;
                }
            }
            System.out.printf(Locale.ROOT, "offers for a request (limit 10, explained), %d queries: p50 %.1f ms, "
                    + "p95 %.1f ms, p99 %.1f ms; CPU p50 %.1f ms, p95 %.1f ms (%.1f results on average)%n", QUERIES,
                    percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99),
                    percentile(cpu, 50), percentile(cpu, 95), results / (double) probes.size());
            index.close();
        } finally {
            server.shutdownNow();
        }
    }

    /** Publishing an offer scores every open request against it and keeps those above the notification threshold. */
    static void continuousMatching() throws Exception {
        Instant now = Instant.now();
        SyntheticCatalogue catalogue = new SyntheticCatalogue(SEED + 1, now);
        BilingualTerms terms = BilingualTerms.loadDefault();
        int organizations = OPEN_REQUESTS / 5;
        try (ListingIndex requests = new ListingIndex(Listing.Side.REQUEST, terms)) {
            for (int i = 0; i < OPEN_REQUESTS; i++) {
                TechnologyRequest request = catalogue.request(organizations);
                requests.apply(Listing.of(request));
            }
            requests.refresh();
            Ranker ranker = ranker(terms);
            AgreementLinks agreements = agreements(catalogue, organizations);
            MatchingProperties defaults = new MatchingProperties(null, null, null, null, null, null, null, null);
            long[] latencies = new long[PUBLICATIONS];
            long[] cpu = new long[PUBLICATIONS];
            int notified = 0;
            for (int i = -WARM_UP; i < PUBLICATIONS; i++) {
                Listing offer = Listing.of(catalogue.offer(organizations));
                long c = THREADS.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                int found = ranker.rank(offer, requests, agreements, new MatchQuery(Set.of(offer.organizationId()),
                        defaults.notifyMaxPerListing(), now, defaults.notifyMinScore()), Ranker.Mode.FULL).size();
                if (i >= 0) {
                    latencies[i] = System.nanoTime() - t;
                    cpu[i] = THREADS.getCurrentThreadCpuTime() - c;
                    notified += found;
                }
            }
            System.out.printf(Locale.ROOT, "%nan offer published, scored against %,d open requests (threshold %.2f, "
                            + "at most %d): p50 %.1f ms, p95 %.1f ms; CPU p50 %.1f ms, p95 %.1f ms (%.1f requests "
                            + "above the threshold on average)%n", OPEN_REQUESTS, defaults.notifyMinScore(),
                    defaults.notifyMaxPerListing(), percentile(latencies, 50), percentile(latencies, 95),
                    percentile(cpu, 50), percentile(cpu, 95), notified / (double) PUBLICATIONS);
        }
    }

    private static Ranker ranker(BilingualTerms terms) {
        MatchScorer scorer = new MatchScorer(MatchScorer.Weights.DEFAULT);
        return new Ranker(scorer, new Explainer(scorer, terms, RegionCatalog.loadDefault()), terms);
    }

    /** A few hundred agreements in force between random organizations, as a live platform would have. */
    private static AgreementLinks agreements(SyntheticCatalogue catalogue, int organizations) {
        List<CooperationAgreement> inForce = new ArrayList<>();
        java.util.Random random = new java.util.Random(SEED);
        List<org.yrd.platform.commons.region.Region> regions = RegionCatalog.loadDefault().assignable();
        for (int i = 0; i < 300; i++) {
            List<CooperationAgreement.Party> parties = new ArrayList<>();
            for (int p = 0; p < 2 + random.nextInt(3); p++) {
                parties.add(new CooperationAgreement.Party("org-" + random.nextInt(organizations),
                        regions.get(random.nextInt(regions.size())).code()));
            }
            inForce.add(new CooperationAgreement("agr-" + i, "COOPERATION_FRAMEWORK",
                    java.util.Map.of("en-US", "Agreement " + i), CooperationAgreement.Status.ACTIVE, parties,
                    List.of(), 1, Instant.EPOCH));
        }
        return new AgreementLinks(inForce, RegionCatalog.loadDefault());
    }

    private static double percentile(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
