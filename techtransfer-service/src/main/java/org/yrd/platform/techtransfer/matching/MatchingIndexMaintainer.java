package org.yrd.platform.techtransfer.matching;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.yrd.platform.techtransfer.listing.ChangeCursor;
import org.yrd.platform.techtransfer.offer.Offer;
import org.yrd.platform.techtransfer.offer.OfferService;
import org.yrd.platform.techtransfer.offer.OfferStored;
import org.yrd.platform.techtransfer.request.RequestService;
import org.yrd.platform.techtransfer.request.RequestStored;
import org.yrd.platform.techtransfer.request.TechnologyRequest;

/**
 * Keeps the matching index in step with the store, on every instance:
 * <ul>
 *   <li>at start, builds it from the store (progress in the log) before the service reports ready;</li>
 *   <li>after each successful write on this instance (OfferStored, RequestStored), applies that state at once, so
 *       a client reads its own writes;</li>
 *   <li>every {@code catch-up-interval}, applies what the store changed since the last look (writes of other
 *       instances, and anything a failed immediate update missed);</li>
 *   <li>every {@code reconcile-interval}, compares the index with the store in full.</li>
 * </ul>
 * All of it is idempotent: the index applies a listing's state only if its version is newer than the one it has,
 * so restarts, replays and the overlap of these paths neither duplicate nor lose an entry.
 */
@Component
class MatchingIndexMaintainer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(MatchingIndexMaintainer.class);
    private static final int PAGE = 500;
    private static final int PROGRESS_EVERY = 10_000;

    private final IndexedMatchingEngine engine;
    private final OfferService offers;
    private final RequestService requests;
    private final MatchingProperties properties;
    private final Clock clock;
    private final Object catchUpLock = new Object();
    private volatile Instant watermark;

    MatchingIndexMaintainer(IndexedMatchingEngine engine, OfferService offers, RequestService requests,
                            MatchingProperties properties, Clock clock) {
        this.engine = engine;
        this.offers = offers;
        this.requests = requests;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            rebuild();
        } catch (RuntimeException e) {
            // the scheduled catch-up retries the build; until then queries answer 503
            log.error("building the matching index from the store failed; retrying in {}: {}",
                    properties.catchUpInterval(), e.toString());
        }
    }

    /** Builds both indexes from the store and opens them for queries. */
    void rebuild() {
        long started = System.nanoTime();
        Instant from = clock.instant();
        long offerCount = load("offers", offers.countPublished(), offers::forEachPublished, Listing::of,
                engine.index(Listing.Side.OFFER));
        long requestCount = load("requests", requests.countPublished(), requests::forEachPublished, Listing::of,
                engine.index(Listing.Side.REQUEST));
        watermark = from;
        engine.markBuilt();
        Runtime runtime = Runtime.getRuntime();
        log.info("matching index ready: {} offers, {} requests in {} ms (index data {} MB, heap in use {} MB)",
                offerCount, requestCount, Duration.ofNanos(System.nanoTime() - started).toMillis(),
                (engine.index(Listing.Side.OFFER).ramBytesUsed() + engine.index(Listing.Side.REQUEST).ramBytesUsed())
                        / (1024 * 1024), (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
    }

    private <T> long load(String what, long expected, Consumer<Consumer<T>> source, Function<T, Listing> toListing,
                          ListingIndex index) {
        long started = System.nanoTime();
        log.info("matching index: loading {} published {} from the store", expected, what);
        AtomicLong count = new AtomicLong();
        source.accept(item -> {
            index.apply(toListing.apply(item));
            long done = count.incrementAndGet();
            if (done % PROGRESS_EVERY == 0) {
                log.info("matching index: {}/{} {} ({} ms)", done, expected, what,
                        Duration.ofNanos(System.nanoTime() - started).toMillis());
            }
        });
        index.refresh();
        return count.get();
    }

    @EventListener
    void on(OfferStored stored) {
        applySafely(Listing.of(stored.offer()));
    }

    @EventListener
    void on(RequestStored stored) {
        applySafely(Listing.of(stored.request()));
    }

    /** The write is stored whatever happens here: a failure is left to the next catch-up, never to the client. */
    private void applySafely(Listing listing) {
        try {
            engine.apply(listing);
        } catch (RuntimeException e) {
            log.warn("matching index: {} {} v{} not applied now, the next catch-up will: {}", listing.side(),
                    listing.id(), listing.version(), e.toString());
        }
    }

    @Scheduled(fixedDelayString = "${techtransfer.matching.catch-up-interval:PT10S}", initialDelayString = "PT5S")
    void scheduledCatchUp() {
        try {
            if (!engine.isBuilt()) {
                rebuild();
            } else {
                catchUp();
            }
        } catch (RuntimeException e) {
            // a store outage must not kill the scheduler thread; the next run retries
            log.warn("matching index catch-up failed: {}", e.toString());
        }
    }

    /**
     * Applies every listing the store changed since shortly before the last look.
     *
     * @return how many index entries changed
     */
    int catchUp() {
        synchronized (catchUpLock) {
            Instant last = watermark;
            if (last == null) {
                return 0;
            }
            Instant now = clock.instant();
            ChangeCursor from = ChangeCursor.since(last.minus(properties.catchUpLookback()));
            int changed = changes(from, offers::changedSince, Offer::getUpdatedAt, Offer::getId, Listing::of)
                    + changes(from, requests::changedSince, TechnologyRequest::getUpdatedAt, TechnologyRequest::getId,
                    Listing::of);
            engine.index(Listing.Side.OFFER).refresh();
            engine.index(Listing.Side.REQUEST).refresh();
            watermark = now;
            if (changed > 0) {
                log.debug("matching index: caught up with {} changes", changed);
            }
            return changed;
        }
    }

    private interface PageReader<T> {
        List<T> read(ChangeCursor cursor, int limit);
    }

    private <T> int changes(ChangeCursor from, PageReader<T> reader, Function<T, Instant> updatedAt,
                            Function<T, String> id, Function<T, Listing> toListing) {
        int changed = 0;
        ChangeCursor cursor = from;
        while (true) {
            List<T> page = reader.read(cursor, PAGE);
            for (T item : page) {
                Listing listing = toListing.apply(item);
                if (engine.index(listing.side()).apply(listing)) {
                    changed++;
                }
            }
            if (page.size() < PAGE) {
                return changed;
            }
            T last = page.get(page.size() - 1);
            cursor = cursor.after(updatedAt.apply(last), id.apply(last));
        }
    }

    @Scheduled(fixedDelayString = "${techtransfer.matching.reconcile-interval:PT15M}",
            initialDelayString = "${techtransfer.matching.reconcile-interval:PT15M}")
    void scheduledReconcile() {
        if (!engine.isBuilt()) {
            return;
        }
        try {
            int fixed = reconcile();
            if (fixed > 0) {
                log.warn("matching index: reconciliation fixed {} entries", fixed);
            }
        } catch (RuntimeException e) {
            log.warn("matching index reconciliation failed: {}", e.toString());
        }
    }

    /**
     * Compares the index with the store in full: applies every published listing the index has at an older
     * version, and re-reads every indexed listing the store no longer has published.
     *
     * @return how many index entries changed
     */
    int reconcile() {
        int fixed = reconcile(engine.index(Listing.Side.OFFER), offers.publishedVersions(),
                id -> {
                    Offer offer = offers.find(id);
                    return offer == null ? null : Listing.of(offer);
                });
        fixed += reconcile(engine.index(Listing.Side.REQUEST), requests.publishedVersions(),
                id -> {
                    TechnologyRequest request = requests.find(id);
                    return request == null ? null : Listing.of(request);
                });
        return fixed;
    }

    private static int reconcile(ListingIndex index, Map<String, Long> published, Function<String, Listing> load) {
        int fixed = 0;
        Set<String> toRead = new HashSet<>();
        published.forEach((id, version) -> {
            if (index.version(id) < version) {
                toRead.add(id);
            }
        });
        for (String id : index.indexedIds()) {
            if (!published.containsKey(id)) {
                toRead.add(id);
            }
        }
        for (String id : toRead) {
            Listing listing = load.apply(id);
            if (listing == null ? index.remove(id) : index.apply(listing)) {
                fixed++;
            }
        }
        index.refresh();
        return fixed;
    }
}
