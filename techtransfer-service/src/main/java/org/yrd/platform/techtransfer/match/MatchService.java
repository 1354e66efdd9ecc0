package org.yrd.platform.techtransfer.match;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.yrd.platform.commons.error.InvalidInputException;
import org.yrd.platform.commons.error.ResourceNotFoundException;
import org.yrd.platform.commons.error.StateConflictException;
import org.yrd.platform.commons.outbox.AggregateStore;
import org.yrd.platform.commons.security.Caller;
import org.yrd.platform.commons.security.Role;
import org.yrd.platform.events.techtransfer.MatchEvent;
import org.yrd.platform.techtransfer.listing.MoneyAmount;
import org.yrd.platform.techtransfer.match.MatchApi.CloseDeal;
import org.yrd.platform.techtransfer.match.MatchApi.DeclineMatch;
import org.yrd.platform.techtransfer.match.MatchApi.ProposeMatch;
import org.yrd.platform.techtransfer.offer.Offer;
import org.yrd.platform.techtransfer.offer.OfferService;
import org.yrd.platform.techtransfer.organization.OrganizationDirectory;
import org.yrd.platform.techtransfer.request.RequestStatus;
import org.yrd.platform.techtransfer.request.RequestService;
import org.yrd.platform.techtransfer.request.TechnologyRequest;

@Service
public class MatchService {

    private static final Logger log = LoggerFactory.getLogger(MatchService.class);
    /** Clocks of the people entering a signing time are not ours: a little future is tolerated. */
    private static final Duration SIGNING_CLOCK_SKEW = Duration.ofMinutes(5);

    private final AggregateStore store;
    private final MongoTemplate mongo;
    private final OfferService offers;
    private final RequestService requests;
    private final OrganizationDirectory organizations;
    private final Clock clock;
    private final MeterRegistry metrics;

    MatchService(AggregateStore store, MongoTemplate mongo, OfferService offers, RequestService requests,
                 OrganizationDirectory organizations, Clock clock, MeterRegistry metrics) {
        this.store = store;
        this.mongo = mongo;
        this.offers = offers;
        this.requests = requests;
        this.organizations = organizations;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** The requester's expression of interest in a published offer, for its own published request. */
    Match propose(Caller caller, ProposeMatch command) {
        caller.requireAnyRole(Role.PARTNER, Role.STAFF);
        // both lookups apply visibility: another partner's request, or an unpublished offer, is a 404
        TechnologyRequest request = requests.get(caller, command.requestId());
        Offer offer = offers.get(caller, command.offerId());
        if (offer.getOrganizationId().equals(request.getOrganizationId())) {
            throw new InvalidInputException("offerId", "is an offer of the requesting organization itself");
        }
        Instant now = clock.instant();
        if (!request.isMatchable(now)) {
            throw new StateConflictException("The request is " + request.getStatus()
                    + "; only a published, unexpired request can express interest.");
        }
        if (!offer.isMatchable(now)) {
            throw new StateConflictException("The offer is " + offer.getStatus()
                    + "; interest can only be expressed in a published, unexpired offer.");
        }
        String message = command.message() == null || command.message().isBlank() ? null : command.message().strip();
        Match match = Match.propose(new Match.Parties(request.getId(), request.getOrganizationId(),
                request.getRegion(), request.getProvinceCode(), offer.getId(), offer.getOrganizationId(),
                offer.getTitle(), offer.getField()), message);
        try {
            store.insert(match, match.proposed());
        } catch (DuplicateKeyException openOneExists) {
            Match existing = mongo.findOne(Query.query(Criteria.where("openPair")
                    .is(Match.openPairKey(request.getId(), offer.getId()))), Match.class);
            throw new StateConflictException("This request already has an open match with this offer"
                    + (existing == null ? "" : " (" + existing.getId() + ")") + "; continue that one.");
        }
        transition(match, null);
        return match;
    }

    /** The match if the caller is one of its two parties or staff; to anyone else it does not exist. */
    Match get(Caller caller, String id) {
        Match match = mongo.findById(id, Match.class);
        if (match == null || !(caller.isStaff() || match.involves(caller.organizationId()))) {
            throw new ResourceNotFoundException("match", id);
        }
        return match;
    }

    Page<Match> list(Caller caller, MatchStatus status, Pageable pageable) {
        caller.requireAuthenticated();
        Query query = new Query();
        if (!caller.isStaff()) {
            String organization = caller.organizationId();
            if (organization == null) {
                return Page.empty(pageable);
            }
            query.addCriteria(new Criteria().orOperator(Criteria.where("requestOrganizationId").is(organization),
                    Criteria.where("offerOrganizationId").is(organization)));
        }
        if (status != null) {
            query.addCriteria(Criteria.where("status").is(status));
        }
        long total = mongo.count(query, Match.class);
        List<Match> content = mongo.find(Query.of(query).with(pageable), Match.class);
        return PageableExecutionUtils.getPage(content, pageable, () -> total);
    }

    Match accept(Caller caller, String id, Long expectedVersion) {
        Match match = get(caller, id);
        requireOfferSide(caller, match);
        MatchStatus from = match.getStatus();
        update(match, expectedVersion, match.accept(clock.instant()));
        transition(match, from);
        return match;
    }

    Match decline(Caller caller, String id, Long expectedVersion, DeclineMatch command) {
        Match match = get(caller, id);
        requireOfferSide(caller, match);
        MatchStatus from = match.getStatus();
        String text = command.text() == null || command.text().isBlank() ? null : command.text().strip();
        update(match, expectedVersion, match.decline(command.reasonCode(), text, clock.instant()));
        transition(match, from);
        return match;
    }

    /** Either party (or staff) may end a match that has not become a deal. */
    Match withdraw(Caller caller, String id, Long expectedVersion) {
        Match match = get(caller, id);
        MatchStatus from = match.getStatus();
        update(match, expectedVersion, match.withdraw(clock.instant()));
        transition(match, from);
        return match;
    }

    /**
     * Staff record the deal a negotiation ended in. The match write (with DealClosed) is the deal; the request is
     * then marked MATCHED. Should that second write not happen (crash, conflict), the DealClosed consumer of this
     * service marks it when the event comes back, so the two converge without a multi-document transaction.
     */
    Match closeDeal(Caller caller, String id, Long expectedVersion, CloseDeal command) {
        caller.requireStaff();
        Match match = require(id);
        Instant now = clock.instant();
        if (command.signedAt().isAfter(now.plus(SIGNING_CLOCK_SKEW))) {
            throw new InvalidInputException("signedAt", "must not be in the future");
        }
        TechnologyRequest request = requests.require(match.getRequestId());
        if (!request.getStatus().allows(RequestStatus.Action.MATCH)) {
            throw new StateConflictException("The request of this match is " + request.getStatus()
                    + "; it cannot take a deal any more.");
        }
        MatchStatus from = match.getStatus();
        List<MatchEvent> events = match.closeDeal(command.mode(), MoneyAmount.of(command.value()),
                command.signedAt(), now, organizations.ref(match.getOfferOrganizationId()),
                organizations.ref(match.getRequestOrganizationId()));
        try {
            update(match, expectedVersion, events);
        } catch (DuplicateKeyException anotherDeal) {
            throw new StateConflictException("Another match of this request closed a deal already; a request takes "
                    + "one deal.");
        }
        transition(match, from);
        countDeal(match);
        try {
            requests.markMatched(match.getRequestId(), match.getDeal().dealId(), match.getId());
        } catch (RuntimeException e) {
            log.warn("deal {} closed; request {} will be marked matched when DealClosed is consumed: {}",
                    match.getDeal().dealId(), match.getRequestId(), e.toString());
        }
        return match;
    }

    Match require(String id) {
        Match match = mongo.findById(id, Match.class);
        if (match == null) {
            throw new ResourceNotFoundException("match", id);
        }
        return match;
    }

    private void update(Match match, Long expectedVersion, List<MatchEvent> events) {
        store.update(match, expectedVersion == null ? match.getVersion() : expectedVersion, events);
    }

    private static void requireOfferSide(Caller caller, Match match) {
        if (!caller.actsFor(match.getOfferOrganizationId())) {
            throw new AccessDeniedException("Only the organization that owns the offer, or staff, may answer a match.");
        }
    }

    private void transition(Match match, MatchStatus from) {
        metrics.counter("techtransfer.matches.transitions", "from", from == null ? "NONE" : from.name(),
                "to", match.getStatus().name(),
                "field", match.getField() == null ? "unknown" : match.getField().name()).increment();
    }

    private void countDeal(Match match) {
        Deal deal = match.getDeal();
        String field = match.getField() == null ? "unknown" : match.getField().name();
        String province = deal.provinceCode() == null ? "unknown" : deal.provinceCode();
        metrics.counter("techtransfer.deals", "field", field, "province", province, "mode", deal.mode().name())
                .increment();
        // tags stay field, province and mode: the summary is in CNY, deals in other currencies are only counted
        if ("CNY".equals(deal.value().currency())) {
            DistributionSummary.builder("techtransfer.deals.value").baseUnit("CNY")
                    .description("value of closed deals in CNY")
                    .tags("field", field, "province", province, "mode", deal.mode().name())
                    .register(metrics).record(deal.value().amount().doubleValue());
        }
    }
}
