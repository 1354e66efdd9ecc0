package org.yrd.platform.techtransfer.offer;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.yrd.platform.commons.error.InvalidInputException;
import org.yrd.platform.commons.error.ResourceNotFoundException;
import org.yrd.platform.commons.outbox.AggregateStore;
import org.yrd.platform.commons.region.Region;
import org.yrd.platform.commons.region.RegionCatalog;
import org.yrd.platform.commons.region.RegionValidation;
import org.yrd.platform.commons.security.Caller;
import org.yrd.platform.commons.security.Role;
import org.yrd.platform.techtransfer.listing.ChangeCursor;
import org.yrd.platform.techtransfer.listing.ListingEdit;
import org.yrd.platform.techtransfer.listing.ListingOperations;
import org.yrd.platform.techtransfer.listing.ListingProperties;
import org.yrd.platform.techtransfer.listing.ListingRules;
import org.yrd.platform.techtransfer.listing.MoneyAmount;
import org.yrd.platform.techtransfer.listing.RegionFilter;
import org.yrd.platform.techtransfer.listing.ReviewInput;
import org.yrd.platform.techtransfer.listing.TechField;
import org.yrd.platform.techtransfer.offer.OfferApi.SubmitOffer;
import org.yrd.platform.techtransfer.organization.KnownOrganization;
import org.yrd.platform.techtransfer.organization.OrganizationDirectory;
import org.yrd.platform.techtransfer.search.BilingualTextIndex;

@Service
public class OfferService {

    /** Most offers a free-text search of the list scores at once (it indexes them per question). */
    static final int MAX_SEARCH_CANDIDATES = 5000;

    private final AggregateStore store;
    private final MongoTemplate mongo;
    private final OrganizationDirectory organizations;
    private final RegionCatalog regions;
    private final ListingProperties listings;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final ApplicationEventPublisher events;
    private final ListingOperations<Offer> operations;

    OfferService(AggregateStore store, MongoTemplate mongo, OrganizationDirectory organizations,
                 RegionCatalog regions, ListingProperties listings, Clock clock, MeterRegistry metrics,
                 ApplicationEventPublisher events) {
        this.store = store;
        this.mongo = mongo;
        this.organizations = organizations;
        this.regions = regions;
        this.listings = listings;
        this.clock = clock;
        this.metrics = metrics;
        this.events = events;
        this.operations = new ListingOperations<>(Offer.class, OfferStatus.LIFECYCLE, store, mongo, listings, clock,
                this::written);
    }

    Offer submit(Caller caller, SubmitOffer command) {
        caller.requireAnyRole(Role.PARTNER, Role.STAFF);
        KnownOrganization owner = organizations.resolveOwner(caller, command.organizationId());
        Offer offer = Offer.submit(owner.id(), content(command));
        store.insert(offer, List.of());
        written(offer, "submitted");
        return offer;
    }

    /**
     * Replaces what the owner described, as in {@link #submit}, at the version the client read: allowed while the
     * offer is SUBMITTED or REJECTED (then it goes back to review). The owner never changes, whatever the body
     * says; the other fields a client must not set do not bind.
     */
    Offer edit(Caller caller, String id, long expectedVersion, SubmitOffer command) {
        Offer offer = ListingEdit.apply(store, caller, get(caller, id), Offer::getOrganizationId, "offer",
                expectedVersion, edited -> edited.edit(content(command)));
        written(offer, "edited");
        return offer;
    }

    /** The validated content of a create or edit body (Bean Validation has run; these are the remaining checks). */
    private Offer.Content content(SubmitOffer command) {
        Region region = RegionValidation.requireAssignable(regions, "region", command.region());
        return new Offer.Content(command.title(), command.summary(), command.field(),
                ListingRules.keywords(command.keywords()),
                command.trl(), command.ipStatus(),
                command.patentNumbers() == null ? List.of() : ListingRules.keywords(command.patentNumbers()),
                List.copyOf(new LinkedHashSet<>(command.transferModes())),
                MoneyAmount.of(command.askingPrice()), region);
    }

    /** The offer if this caller may see it: published ones for anyone, the rest for the owner and staff. */
    public Offer get(Caller caller, String id) {
        Offer offer = mongo.findById(id, Offer.class);
        if (offer == null || !(offer.getStatus() == OfferStatus.PUBLISHED || caller.actsFor(offer.getOrganizationId()))) {
            throw new ResourceNotFoundException("offer", id);
        }
        return offer;
    }

    Page<Offer> list(Caller caller, Filter filter, Pageable pageable, boolean sortRequested) {
        // all conditions under one $and: visibility and the status filter may both constrain "status"
        List<Criteria> conditions = new ArrayList<>();
        Criteria visible = visibleTo(caller);
        if (visible != null) {
            conditions.add(visible);
        }
        if (filter.status() != null) {
            conditions.add(Criteria.where("status").is(filter.status()));
        }
        if (filter.field() != null) {
            conditions.add(Criteria.where("field").is(filter.field()));
        }
        if (filter.region() != null && !filter.region().isBlank()) {
            conditions.add(RegionFilter.criteria(regions, filter.region()));
        }
        if (filter.trlMin() != null) {
            if (filter.trlMin() < 1 || filter.trlMin() > 9) {
                throw new InvalidInputException("trlMin", "must be between 1 and 9");
            }
            conditions.add(Criteria.where("trl").gte(filter.trlMin()));
        }
        if (filter.organizationId() != null && !filter.organizationId().isBlank()) {
            conditions.add(Criteria.where("organizationId").is(filter.organizationId()));
        }
        Query query = conditions.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(conditions));
        if (filter.q() != null && !filter.q().isBlank()) {
            return search(query, filter.q(), pageable, sortRequested);
        }
        return operations.page(query, pageable);
    }

    /** Free text: BM25 over the offers the other filters leave, best first unless the client asked for a sort. */
    private Page<Offer> search(Query filtered, String text, Pageable pageable, boolean sortRequested) {
        if (text.length() > 200) {
            throw new InvalidInputException("q", "must have at most 200 characters");
        }
        List<Offer> candidates = mongo.find(Query.of(filtered).with(pageable.getSort()).limit(MAX_SEARCH_CANDIDATES),
                Offer.class);
        Map<String, Float> scores = BilingualTextIndex.search(candidates.stream().map(OfferService::entry).toList(),
                text);
        List<Offer> hits = new ArrayList<>(candidates.stream().filter(o -> scores.containsKey(o.getId())).toList());
        if (!sortRequested) {
            hits.sort(Comparator.comparing((Offer o) -> scores.get(o.getId())).reversed());
        }
        int from = (int) Math.min(pageable.getOffset(), hits.size());
        int to = Math.min(from + pageable.getPageSize(), hits.size());
        return new PageImpl<>(hits.subList(from, to), pageable, hits.size());
    }

    public static BilingualTextIndex.Entry entry(Offer offer) {
        return new BilingualTextIndex.Entry(offer.getId(), offer.getTitle(), offer.getSummary(), offer.getKeywords());
    }

    /** What a caller may list: staff everything (null), partners the published offers and all of their own. */
    private static Criteria visibleTo(Caller caller) {
        if (caller.isStaff()) {
            return null;
        }
        if (caller.organizationId() != null) {
            return new Criteria().orOperator(Criteria.where("status").is(OfferStatus.PUBLISHED),
                    Criteria.where("organizationId").is(caller.organizationId()));
        }
        return Criteria.where("status").is(OfferStatus.PUBLISHED);
    }

    Offer review(Caller caller, String id, Long expectedVersion, ReviewInput review) {
        return operations.review(caller, id, expectedVersion, review);
    }

    Offer withdraw(Caller caller, String id, Long expectedVersion) {
        return operations.changeAsOwner(caller, get(caller, id), expectedVersion, "withdrawn",
                offer -> offer.withdraw(clock.instant()));
    }

    Offer renew(Caller caller, String id, Long expectedVersion) {
        return operations.changeAsOwner(caller, get(caller, id), expectedVersion, "renewed",
                offer -> offer.renew(clock.instant(), listings.lifetime(), listings.renewWindow()));
    }

    /**
     * Expires every published offer whose time is up. Each is a conditional update on the version read, so when
     * several instances (or a rerun after a restart) race, exactly one stores the change and its OfferExpired; the
     * others get a stale version and skip.
     *
     * @return how many offers this call expired
     */
    public int expireDue(Instant now) {
        return operations.expireDue(now);
    }

    /** Expires one offer as read; false if someone else changed it first. */
    boolean expireOne(Offer offer, Instant now) {
        return operations.expireOne(offer, now);
    }

    /** The offer whatever its state, for the features that apply their own visibility (matches). */
    public Offer require(String id) {
        return operations.require(id);
    }

    /**
     * Every published offer, page by page in id order (the matching index is rebuilt from these at start):
     * pages keep each reply small whatever the size of the market.
     */
    public void forEachPublished(Consumer<Offer> action) {
        operations.forEachPublished(action);
    }

    public long countPublished() {
        return operations.countPublished();
    }

    /** Id and version of every published offer: what a reconciliation of the matching index compares. */
    public Map<String, Long> publishedVersions() {
        return operations.publishedVersions();
    }

    /**
     * Offers changed since a point, in (updatedAt, id) order, one page after the cursor: the matching index of
     * every instance catches up with the writes of the others through this.
     */
    public List<Offer> changedSince(ChangeCursor cursor, int limit) {
        return operations.changedSince(cursor, limit);
    }

    /** The offer as stored, or null: for the features that apply their own visibility. */
    public Offer find(String id) {
        return operations.find(id);
    }

    /** After every successful write: the in-process notice and the counter of what happened. */
    private void written(Offer offer, String event) {
        stored(offer);
        count(offer, event);
    }

    /** Tells the features that keep derived state (the matching index) that this offer was stored. */
    private void stored(Offer offer) {
        events.publishEvent(new OfferStored(offer));
    }

    private void count(Offer offer, String event) {
        metrics.counter("techtransfer.offers", "event", event, "field", offer.getField().name(),
                "province", offer.getProvinceCode() == null ? "unknown" : offer.getProvinceCode()).increment();
    }

    record Filter(OfferStatus status, TechField field, String region, Integer trlMin, String q,
                  String organizationId) {
    }
}
