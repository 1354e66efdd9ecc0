package org.yrd.platform.techtransfer.request;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Service;
import org.yrd.platform.commons.error.ResourceNotFoundException;
import org.yrd.platform.commons.outbox.AggregateStore;
import org.yrd.platform.commons.region.Region;
import org.yrd.platform.commons.region.RegionCatalog;
import org.yrd.platform.commons.region.RegionValidation;
import org.yrd.platform.commons.security.Caller;
import org.yrd.platform.commons.security.Role;
import org.yrd.platform.events.techtransfer.RequestEvent;
import org.yrd.platform.techtransfer.branchcenter.BranchCenterService;
import org.yrd.platform.techtransfer.listing.Access;
import org.yrd.platform.techtransfer.listing.Budget;
import org.yrd.platform.techtransfer.listing.ChangeCursor;
import org.yrd.platform.techtransfer.listing.ListingEdit;
import org.yrd.platform.techtransfer.listing.ListingProperties;
import org.yrd.platform.techtransfer.listing.ListingRules;
import org.yrd.platform.techtransfer.listing.ReviewInput;
import org.yrd.platform.techtransfer.listing.TechField;
import org.yrd.platform.techtransfer.organization.KnownOrganization;
import org.yrd.platform.techtransfer.organization.OrganizationDirectory;
import org.yrd.platform.techtransfer.request.RequestApi.SubmitRequest;

@Service
public class RequestService {

    private static final Logger log = LoggerFactory.getLogger(RequestService.class);

    /** Published listings read per page when the matching index is rebuilt. */
    static final int PUBLISHED_PAGE = 1000;

    private final AggregateStore store;
    private final MongoTemplate mongo;
    private final OrganizationDirectory organizations;
    private final BranchCenterService branchCenters;
    private final RegionCatalog regions;
    private final ListingProperties listings;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final ApplicationEventPublisher events;

    RequestService(AggregateStore store, MongoTemplate mongo, OrganizationDirectory organizations,
                   BranchCenterService branchCenters, RegionCatalog regions, ListingProperties listings, Clock clock,
                   MeterRegistry metrics, ApplicationEventPublisher events) {
        this.store = store;
        this.mongo = mongo;
        this.organizations = organizations;
        this.branchCenters = branchCenters;
        this.regions = regions;
        this.listings = listings;
        this.clock = clock;
        this.metrics = metrics;
        this.events = events;
    }

    TechnologyRequest submit(Caller caller, SubmitRequest command) {
        caller.requireAnyRole(Role.PARTNER, Role.STAFF);
        KnownOrganization owner = organizations.resolveOwner(caller, command.organizationId());
        TechnologyRequest.Content content = content(command);
        TechnologyRequest request = TechnologyRequest.submit(owner.id(), content,
                branchCenters.routeFor(content.region().code()));
        store.insert(request, List.of());
        stored(request);
        count(request, "submitted");
        return request;
    }

    /**
     * Replaces what the owner described, as in {@link #submit}, at the version the client read: allowed while the
     * request is SUBMITTED or REJECTED (then it goes back to review, in the queue of the branch center nearest to
     * its region). The owner never changes, whatever the body says; the other fields a client must not set do not
     * bind.
     */
    TechnologyRequest edit(Caller caller, String id, long expectedVersion, SubmitRequest command) {
        TechnologyRequest request = ListingEdit.apply(store, caller, get(caller, id),
                TechnologyRequest::getOrganizationId, "request", expectedVersion, edited -> {
                    TechnologyRequest.Content content = content(command);
                    return edited.edit(content, branchCenters.routeFor(content.region().code()));
                });
        stored(request);
        count(request, "edited");
        return request;
    }

    /** The validated content of a create or edit body (Bean Validation has run; these are the remaining checks). */
    private TechnologyRequest.Content content(SubmitRequest command) {
        Region region = RegionValidation.requireAssignable(regions, "region", command.region());
        ListingRules.budget(command.budget());
        ListingRules.deadline("deadline", command.deadline(), clock);
        return new TechnologyRequest.Content(command.title(), command.description(), command.field(),
                ListingRules.keywords(command.keywords()), command.requiredTrlMin(), Budget.of(command.budget()),
                List.copyOf(new LinkedHashSet<>(command.acceptableModes())), region, command.deadline());
    }

    /** The request if the caller is its organization or staff; to anyone else it does not exist. */
    public TechnologyRequest get(Caller caller, String id) {
        TechnologyRequest request = mongo.findById(id, TechnologyRequest.class);
        if (request == null || !caller.actsFor(request.getOrganizationId())) {
            throw new ResourceNotFoundException("request", id);
        }
        return request;
    }

    Page<TechnologyRequest> list(Caller caller, RequestStatus status, TechField field, Pageable pageable) {
        caller.requireAuthenticated();
        Query query = new Query();
        if (!caller.isStaff()) {
            if (caller.organizationId() == null) {
                return Page.empty(pageable);
            }
            query.addCriteria(Criteria.where("organizationId").is(caller.organizationId()));
        }
        if (status != null) {
            query.addCriteria(Criteria.where("status").is(status));
        }
        if (field != null) {
            query.addCriteria(Criteria.where("field").is(field));
        }
        return page(query, pageable);
    }

    /** Requests awaiting review that were routed to a branch center (or to the central queue). */
    Page<TechnologyRequest> queue(Caller caller, String branchCenterId, Pageable pageable) {
        caller.requireStaff();
        if (!branchCenters.exists(branchCenterId)) {
            throw new ResourceNotFoundException("branch center", branchCenterId);
        }
        return page(Query.query(Criteria.where("branchCenterId").is(branchCenterId)
                .and("status").is(RequestStatus.SUBMITTED)), pageable);
    }

    private Page<TechnologyRequest> page(Query query, Pageable pageable) {
        long total = mongo.count(query, TechnologyRequest.class);
        List<TechnologyRequest> content = mongo.find(Query.of(query).with(pageable), TechnologyRequest.class);
        return PageableExecutionUtils.getPage(content, pageable, () -> total);
    }

    TechnologyRequest review(Caller caller, String id, Long expectedVersion, ReviewInput review) {
        caller.requireStaff();
        String reason = review.requireReasonToReject();
        TechnologyRequest request = require(id);
        long expected = expectedVersion == null ? request.getVersion() : expectedVersion;
        Instant now = clock.instant();
        List<RequestEvent> events = review.decision() == ReviewInput.Decision.APPROVE
                ? request.approve(reason, now, listings.lifetime())
                : request.reject(reason, now);
        store.update(request, expected, events);
        stored(request);
        count(request, review.decision() == ReviewInput.Decision.APPROVE ? "published" : "rejected");
        return request;
    }

    TechnologyRequest withdraw(Caller caller, String id, Long expectedVersion) {
        TechnologyRequest request = get(caller, id);
        Access.requireActsFor(caller, request.getOrganizationId(), "request");
        long expected = expectedVersion == null ? request.getVersion() : expectedVersion;
        store.update(request, expected, request.withdraw(clock.instant()));
        stored(request);
        count(request, "withdrawn");
        return request;
    }

    TechnologyRequest renew(Caller caller, String id, Long expectedVersion, RequestApi.RenewRequest body) {
        TechnologyRequest request = get(caller, id);
        Access.requireActsFor(caller, request.getOrganizationId(), "request");
        LocalDate deadline = body == null ? null : body.deadline();
        ListingRules.deadline("deadline", deadline, clock);
        long expected = expectedVersion == null ? request.getVersion() : expectedVersion;
        store.update(request, expected, request.renew(clock.instant(), listings.lifetime(), listings.renewWindow(),
                deadline));
        stored(request);
        count(request, "renewed");
        return request;
    }

    /** See OfferService#expireDue: one conditional update per request, a racing instance skips. */
    public int expireDue(Instant now) {
        Query due = Query.query(Criteria.where("status").is(RequestStatus.PUBLISHED).and("expiresAt").lte(now))
                .limit(500);
        int expired = 0;
        for (TechnologyRequest request : mongo.find(due, TechnologyRequest.class)) {
            if (expireOne(request, now)) {
                expired++;
            }
        }
        return expired;
    }

    boolean expireOne(TechnologyRequest request, Instant now) {
        if (!request.isDue(now)) {
            return false;
        }
        try {
            store.update(request, request.getVersion(), request.expire(now));
            stored(request);
        } catch (OptimisticLockingFailureException alreadyChanged) {
            log.debug("request {} was changed concurrently; not expiring it here", request.getId());
            return false;
        }
        count(request, "expired");
        return true;
    }

    /**
     * Marks the request MATCHED by a closed deal. Idempotent: a request already matched by this deal is left as it
     * is, so the synchronous call after closing and the DealClosed consumer can both run. Retries a few times on
     * a concurrent change.
     *
     * @return the request as stored afterwards
     */
    public TechnologyRequest markMatched(String requestId, String dealId, String matchId) {
        for (int attempt = 0; ; attempt++) {
            TechnologyRequest request = require(requestId);
            if (request.getStatus() == RequestStatus.MATCHED) {
                if (!dealId.equals(request.getDealId())) {
                    log.warn("request {} is matched by deal {}; ignoring deal {}", requestId, request.getDealId(),
                            dealId);
                }
                return request;
            }
            try {
                store.update(request, request.getVersion(), request.match(dealId, matchId, clock.instant()));
                stored(request);
                count(request, "matched");
                return request;
            } catch (OptimisticLockingFailureException concurrentChange) {
                if (attempt >= 3) {
                    throw concurrentChange;
                }
            }
        }
    }

    public TechnologyRequest require(String id) {
        TechnologyRequest request = mongo.findById(id, TechnologyRequest.class);
        if (request == null) {
            throw new ResourceNotFoundException("request", id);
        }
        return request;
    }

    /**
     * Every published request, page by page in id order (the matching index is rebuilt from these at start):
     * pages keep each reply small whatever the size of the market.
     */
    public void forEachPublished(Consumer<TechnologyRequest> action) {
        String after = null;
        while (true) {
            Criteria published = Criteria.where("status").is(RequestStatus.PUBLISHED);
            if (after != null) {
                published = published.and("_id").gt(after);
            }
            List<TechnologyRequest> page = mongo.find(Query.query(published).with(Sort.by("_id")).limit(PUBLISHED_PAGE),
                    TechnologyRequest.class);
            page.forEach(action);
            if (page.size() < PUBLISHED_PAGE) {
                return;
            }
            after = page.get(page.size() - 1).getId();
        }
    }

    public long countPublished() {
        return mongo.count(Query.query(Criteria.where("status").is(RequestStatus.PUBLISHED)), TechnologyRequest.class);
    }

    /** Id and version of every published request: what a reconciliation of the matching index compares. */
    public Map<String, Long> publishedVersions() {
        Map<String, Long> versions = new HashMap<>();
        String after = null;
        while (true) {
            Criteria published = Criteria.where("status").is(RequestStatus.PUBLISHED);
            if (after != null) {
                published = published.and("_id").gt(after);
            }
            Query query = Query.query(published).with(Sort.by("_id")).limit(PUBLISHED_PAGE * 10);
            query.fields().include("_id", "version");
            List<org.bson.Document> page = mongo.find(query, org.bson.Document.class,
                    mongo.getCollectionName(TechnologyRequest.class));
            page.forEach(d -> versions.put(d.getString("_id"), ((Number) d.get("version")).longValue()));
            if (page.size() < PUBLISHED_PAGE * 10) {
                return versions;
            }
            after = page.get(page.size() - 1).getString("_id");
        }
    }

    /** Requests changed since a point, in (updatedAt, id) order, one page after the cursor. */
    public List<TechnologyRequest> changedSince(ChangeCursor cursor, int limit) {
        return mongo.find(Query.query(cursor.criteria()).with(ChangeCursor.ORDER).limit(limit),
                TechnologyRequest.class);
    }

    /** The request as stored, or null: for the features that apply their own visibility. */
    public TechnologyRequest find(String id) {
        return mongo.findById(id, TechnologyRequest.class);
    }

    /** Tells the features that keep derived state (the matching index) that this request was stored. */
    private void stored(TechnologyRequest request) {
        events.publishEvent(new RequestStored(request));
    }

    private void count(TechnologyRequest request, String event) {
        metrics.counter("techtransfer.requests", "event", event, "field", request.getField().name(),
                "province", request.getProvinceCode() == null ? "unknown" : request.getProvinceCode()).increment();
    }
}
