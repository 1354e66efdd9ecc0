package org.yrd.platform.techtransfer.listing;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;
import org.yrd.platform.commons.error.ResourceNotFoundException;
import org.yrd.platform.commons.outbox.AggregateStore;
import org.yrd.platform.commons.security.Caller;
import org.yrd.platform.events.IntegrationEvent;

/**
 * What the offer and the request services do alike with their listings, one instance per service: pages of a
 * query, staff's review, an owner's change (withdrawal, renewal), expiry, and the reads the matching index is built
 * and kept in step from. Each service keeps what is its own: who may see which listing, submission, editing, and
 * the arguments of a renewal.
 *
 * @param <T> the feature's aggregate (its {@code @Document} class)
 */
public final class ListingOperations<T extends ListingAggregate<?, ?>> {

    private static final Logger log = LoggerFactory.getLogger(ListingOperations.class);

    /** Published listings read per page when the matching index is rebuilt. */
    static final int PUBLISHED_PAGE = 1000;

    /** Most due listings one expiry scan handles; the next scan takes the rest. */
    private static final int EXPIRY_BATCH = 500;

    private final Class<T> type;
    private final ListingLifecycle<?, ?> lifecycle;
    private final AggregateStore store;
    private final MongoTemplate mongo;
    private final ListingProperties listings;
    private final Clock clock;
    private final BiConsumer<T, String> written;

    /**
     * @param written what the service does after each successful write, with the listing and what happened to it
     *                ("published", "withdrawn", ...): its in-process "stored" notice and its counter
     */
    public ListingOperations(Class<T> type, ListingLifecycle<?, ?> lifecycle, AggregateStore store,
                             MongoTemplate mongo, ListingProperties listings, Clock clock,
                             BiConsumer<T, String> written) {
        this.type = type;
        this.lifecycle = lifecycle;
        this.store = store;
        this.mongo = mongo;
        this.listings = listings;
        this.clock = clock;
        this.written = written;
    }

    /** One page of what {@code query} finds, with the total count. */
    public Page<T> page(Query query, Pageable pageable) {
        long total = mongo.count(query, type);
        List<T> content = mongo.find(Query.of(query).with(pageable), type);
        return PageableExecutionUtils.getPage(content, pageable, () -> total);
    }

    /** Staff approve or reject a submitted listing, at the version they read (the current one if not given). */
    public T review(Caller caller, String id, Long expectedVersion, ReviewInput review) {
        caller.requireStaff();
        String reason = review.requireReasonToReject();
        T listing = require(id);
        long expected = expectedVersion == null ? listing.getVersion() : expectedVersion;
        Instant now = clock.instant();
        boolean approve = review.decision() == ReviewInput.Decision.APPROVE;
        List<? extends IntegrationEvent> events = approve
                ? listing.approve(reason, now, listings.lifetime())
                : listing.reject(reason, now);
        store.update(listing, expected, events);
        written.accept(listing, approve ? "published" : "rejected");
        return listing;
    }

    /**
     * A change only the owner organization (or staff) may make, on a listing the caller can see, at the version the
     * client read (the current one if not given).
     *
     * @param happened what the change is called in the counter ("withdrawn", "renewed")
     * @param change   applies the change to the listing, returning the events to store with it; it runs only once
     *                 the caller is known to be allowed
     */
    public T changeAsOwner(Caller caller, T listing, Long expectedVersion, String happened,
                           Function<T, List<? extends IntegrationEvent>> change) {
        Access.requireActsFor(caller, listing.getOrganizationId(), lifecycle.noun());
        long expected = expectedVersion == null ? listing.getVersion() : expectedVersion;
        store.update(listing, expected, change.apply(listing));
        written.accept(listing, happened);
        return listing;
    }

    /**
     * Expires every published listing whose time is up. Each is a conditional update on the version read, so when
     * several instances (or a rerun after a restart) race, exactly one stores the change and its expiry event; the
     * others get a stale version and skip.
     *
     * @return how many listings this call expired
     */
    public int expireDue(Instant now) {
        Query due = Query.query(Criteria.where("status").is(lifecycle.published()).and("expiresAt").lte(now))
                .limit(EXPIRY_BATCH);
        int expired = 0;
        for (T listing : mongo.find(due, type)) {
            if (expireOne(listing, now)) {
                expired++;
            }
        }
        return expired;
    }

    /** Expires one listing as read; false if someone else changed it first. */
    public boolean expireOne(T listing, Instant now) {
        if (!listing.isDue(now)) {
            return false;
        }
        try {
            store.update(listing, listing.getVersion(), listing.expire(now));
            written.accept(listing, "expired");
        } catch (OptimisticLockingFailureException alreadyChanged) {
            log.debug("{} {} was changed concurrently; not expiring it here", lifecycle.noun(), listing.getId());
            return false;
        }
        return true;
    }

    /** The listing whatever its state, for the features that apply their own visibility. */
    public T require(String id) {
        T listing = find(id);
        if (listing == null) {
            throw new ResourceNotFoundException(lifecycle.noun(), id);
        }
        return listing;
    }

    /** The listing as stored, or null: for the features that apply their own visibility. */
    public T find(String id) {
        return mongo.findById(id, type);
    }

    /** Every published listing, page by page in id order: pages keep each reply small whatever the market's size. */
    public void forEachPublished(Consumer<T> action) {
        String after = null;
        while (true) {
            List<T> page = mongo.find(publishedAfter(after).limit(PUBLISHED_PAGE), type);
            page.forEach(action);
            if (page.size() < PUBLISHED_PAGE) {
                return;
            }
            after = page.get(page.size() - 1).getId();
        }
    }

    public long countPublished() {
        return mongo.count(Query.query(Criteria.where("status").is(lifecycle.published())), type);
    }

    /** Id and version of every published listing: what a reconciliation of the matching index compares. */
    public Map<String, Long> publishedVersions() {
        Map<String, Long> versions = new HashMap<>();
        String after = null;
        while (true) {
            // only two fields per listing, so ten times the pages of forEachPublished
            Query query = publishedAfter(after).limit(PUBLISHED_PAGE * 10);
            query.fields().include("_id", "version");
            List<org.bson.Document> page = mongo.find(query, org.bson.Document.class,
                    mongo.getCollectionName(type));
            page.forEach(d -> versions.put(d.getString("_id"), ((Number) d.get("version")).longValue()));
            if (page.size() < PUBLISHED_PAGE * 10) {
                return versions;
            }
            after = page.get(page.size() - 1).getString("_id");
        }
    }

    /**
     * Listings changed since a point, in (updatedAt, id) order, one page after the cursor: the matching index of
     * every instance catches up with the writes of the others through this.
     */
    public List<T> changedSince(ChangeCursor cursor, int limit) {
        return mongo.find(Query.query(cursor.criteria()).with(ChangeCursor.ORDER).limit(limit), type);
    }

    /** Published listings after the id {@code after} (from the first if null), in id order. */
    private Query publishedAfter(String after) {
        Criteria published = Criteria.where("status").is(lifecycle.published());
        if (after != null) {
            published = published.and("_id").gt(after);
        }
        return Query.query(published).with(Sort.by("_id"));
    }
}
