package org.yrd.platform.techtransfer.request;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.yrd.platform.commons.error.ResourceNotFoundException;
import org.yrd.platform.commons.outbox.AggregateStore;
import org.yrd.platform.commons.region.Region;
import org.yrd.platform.commons.region.RegionCatalog;
import org.yrd.platform.commons.region.RegionValidation;
import org.yrd.platform.commons.security.Caller;
import org.yrd.platform.commons.security.Role;
import org.yrd.platform.techtransfer.branchcenter.BranchCenterService;
import org.yrd.platform.techtransfer.listing.Budget;
import org.yrd.platform.techtransfer.listing.ChangeCursor;
import org.yrd.platform.techtransfer.listing.ListingEdit;
import org.yrd.platform.techtransfer.listing.ListingOperations;
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

    private final AggregateStore store;
    private final MongoTemplate mongo;
    private final OrganizationDirectory organizations;
    private final BranchCenterService branchCenters;
    private final RegionCatalog regions;
    private final ListingProperties listings;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final ApplicationEventPublisher events;
    private final ListingOperations<TechnologyRequest> operations;

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
        this.operations = new ListingOperations<>(TechnologyRequest.class, RequestStatus.LIFECYCLE, store, mongo,
                listings, clock, this::written);
    }

    TechnologyRequest submit(Caller caller, SubmitRequest command) {
        caller.requireAnyRole(Role.PARTNER, Role.STAFF);
        KnownOrganization owner = organizations.resolveOwner(caller, command.organizationId());
        TechnologyRequest.Content content = content(command);
        TechnologyRequest request = TechnologyRequest.submit(owner.id(), content,
                branchCenters.routeFor(content.region().code()));
        store.insert(request, List.of());
        written(request, "submitted");
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
        written(request, "edited");
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
        return operations.page(query, pageable);
    }

    /** Requests awaiting review that were routed to a branch center (or to the central queue). */
    Page<TechnologyRequest> queue(Caller caller, String branchCenterId, Pageable pageable) {
        caller.requireStaff();
        if (!branchCenters.exists(branchCenterId)) {
            throw new ResourceNotFoundException("branch center", branchCenterId);
        }
        return operations.page(Query.query(Criteria.where("branchCenterId").is(branchCenterId)
                .and("status").is(RequestStatus.SUBMITTED)), pageable);
    }

    TechnologyRequest review(Caller caller, String id, Long expectedVersion, ReviewInput review) {
        return operations.review(caller, id, expectedVersion, review);
    }

    TechnologyRequest withdraw(Caller caller, String id, Long expectedVersion) {
        return operations.changeAsOwner(caller, get(caller, id), expectedVersion, "withdrawn",
                request -> request.withdraw(clock.instant()));
    }

    TechnologyRequest renew(Caller caller, String id, Long expectedVersion, RequestApi.RenewRequest body) {
        return operations.changeAsOwner(caller, get(caller, id), expectedVersion, "renewed", request -> {
            LocalDate deadline = body == null ? null : body.deadline();
            ListingRules.deadline("deadline", deadline, clock);
            return request.renew(clock.instant(), listings.lifetime(), listings.renewWindow(), deadline);
        });
    }

    /** See OfferService#expireDue: one conditional update per request, a racing instance skips. */
    public int expireDue(Instant now) {
        return operations.expireDue(now);
    }

    boolean expireOne(TechnologyRequest request, Instant now) {
        return operations.expireOne(request, now);
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
                written(request, "matched");
                return request;
            } catch (OptimisticLockingFailureException concurrentChange) {
                if (attempt >= 3) {
                    throw concurrentChange;
                }
            }
        }
    }

    public TechnologyRequest require(String id) {
        return operations.require(id);
    }

    /**
     * Every published request, page by page in id order (the matching index is rebuilt from these at start):
     * pages keep each reply small whatever the size of the market.
     */
    public void forEachPublished(Consumer<TechnologyRequest> action) {
        operations.forEachPublished(action);
    }

    public long countPublished() {
        return operations.countPublished();
    }

    /** Id and version of every published request: what a reconciliation of the matching index compares. */
    public Map<String, Long> publishedVersions() {
        return operations.publishedVersions();
    }

    /** Requests changed since a point, in (updatedAt, id) order, one page after the cursor. */
    public List<TechnologyRequest> changedSince(ChangeCursor cursor, int limit) {
        return operations.changedSince(cursor, limit);
    }

    /** The request as stored, or null: for the features that apply their own visibility. */
    public TechnologyRequest find(String id) {
        return operations.find(id);
    }

    /** After every successful write: the in-process notice and the counter of what happened. */
    private void written(TechnologyRequest request, String event) {
        stored(request);
        count(request, event);
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
