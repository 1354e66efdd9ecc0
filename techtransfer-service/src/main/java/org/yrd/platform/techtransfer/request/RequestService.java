package org.yrd.platform.techtransfer.request;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
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

    RequestService(AggregateStore store, MongoTemplate mongo, OrganizationDirectory organizations,
                   BranchCenterService branchCenters, RegionCatalog regions, ListingProperties listings, Clock clock,
                   MeterRegistry metrics) {
        this.store = store;
        this.mongo = mongo;
        this.organizations = organizations;
        this.branchCenters = branchCenters;
        this.regions = regions;
        this.listings = listings;
        this.clock = clock;
        this.metrics = metrics;
    }

    TechnologyRequest submit(Caller caller, SubmitRequest command) {
        caller.requireAnyRole(Role.PARTNER, Role.STAFF);
        KnownOrganization owner = organizations.resolveOwner(caller, command.organizationId());
        Region region = RegionValidation.requireAssignable(regions, "region", command.region());
        ListingRules.budget(command.budget());
        ListingRules.deadline("deadline", command.deadline(), clock);
        TechnologyRequest request = TechnologyRequest.submit(owner.id(), new TechnologyRequest.Content(
                command.title(), command.description(), command.field(), ListingRules.keywords(command.keywords()),
                command.requiredTrlMin(), Budget.of(command.budget()),
                List.copyOf(new LinkedHashSet<>(command.acceptableModes())), region, command.deadline()),
                branchCenters.routeFor(region.code()));
        store.insert(request, List.of());
        count(request, "submitted");
        return request;
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
        count(request, review.decision() == ReviewInput.Decision.APPROVE ? "published" : "rejected");
        return request;
    }

    TechnologyRequest withdraw(Caller caller, String id, Long expectedVersion) {
        TechnologyRequest request = get(caller, id);
        Access.requireActsFor(caller, request.getOrganizationId(), "request");
        long expected = expectedVersion == null ? request.getVersion() : expectedVersion;
        store.update(request, expected, request.withdraw(clock.instant()));
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

    /** Published, unexpired requests except those of the given organizations: the candidates for an offer. */
    public List<TechnologyRequest> matchable(Collection<String> excludedOrganizations, Instant now, int max) {
        Query query = Query.query(Criteria.where("status").is(RequestStatus.PUBLISHED).and("expiresAt").gt(now)
                        .and("organizationId").nin(excludedOrganizations))
                .with(Sort.by(Sort.Direction.DESC, "publishedAt")).limit(max);
        return mongo.find(query, TechnologyRequest.class);
    }

    private void count(TechnologyRequest request, String event) {
        metrics.counter("techtransfer.requests", "event", event, "field", request.getField().name(),
                "province", request.getProvinceCode() == null ? "unknown" : request.getProvinceCode()).increment();
    }
}
