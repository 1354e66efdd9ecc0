package org.yrd.platform.agreement.agreement;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Service;
import org.yrd.platform.agreement.agreement.Agreement.AgreementDraft;
import org.yrd.platform.agreement.agreement.AgreementApi.AddMilestone;
import org.yrd.platform.agreement.agreement.AgreementApi.DraftAgreement;
import org.yrd.platform.agreement.agreement.AgreementApi.PartyInput;
import org.yrd.platform.agreement.agreement.AgreementApi.SignAgreement;
import org.yrd.platform.agreement.agreement.AgreementApi.SignatoryInput;
import org.yrd.platform.agreement.agreement.AgreementParts.BranchCenter;
import org.yrd.platform.agreement.agreement.AgreementParts.Party;
import org.yrd.platform.agreement.agreement.AgreementParts.Signatory;
import org.yrd.platform.agreement.agreement.AgreementParts.Signing;
import org.yrd.platform.agreement.organization.Organization;
import org.yrd.platform.agreement.organization.OrganizationService;
import org.yrd.platform.commons.error.FieldViolation;
import org.yrd.platform.commons.error.InvalidInputException;
import org.yrd.platform.commons.error.ResourceNotFoundException;
import org.yrd.platform.commons.outbox.AggregateStore;
import org.yrd.platform.commons.region.RegionCatalog;
import org.yrd.platform.commons.security.Caller;
import org.yrd.platform.events.IntegrationEvent;

@Service
public class AgreementService {

    /** Agreements are dated in China: "today" is the calendar day in Shanghai. */
    static final ZoneId PLATFORM_ZONE = ZoneId.of("Asia/Shanghai");

    private final AggregateStore store;
    private final MongoTemplate mongo;
    private final OrganizationService organizations;
    private final RegionCatalog regions;
    private final Clock clock;
    private final MeterRegistry metrics;

    AgreementService(AggregateStore store, MongoTemplate mongo, OrganizationService organizations,
                     RegionCatalog regions, Clock clock, MeterRegistry metrics) {
        this.store = store;
        this.mongo = mongo;
        this.organizations = organizations;
        this.regions = regions;
        this.clock = clock;
        this.metrics = metrics;
    }

    Agreement create(DraftAgreement command) {
        Agreement agreement = Agreement.draft(validate(command));
        store.insert(agreement, List.of());
        // not "agreements.created": Prometheus reserves the _created suffix and the series would be renamed
        metrics.counter("agreements.drafted", "type", agreement.getType().name()).increment();
        return agreement;
    }

    Agreement edit(String id, long expectedVersion, DraftAgreement command) {
        Agreement agreement = get(id);
        agreement.edit(validate(command));
        return store.update(agreement, expectedVersion, List.of());
    }

    Agreement sign(String id, Long expectedVersion, SignAgreement command) {
        Agreement agreement = get(id);
        Signing signing = validateSigning(agreement, command);
        List<Organization> current = organizations.findAll(agreement.getPartyOrganizationIds());
        Map<String, Organization> byId = current.stream()
                .collect(Collectors.toMap(Organization::getId, Function.identity()));
        List<Party> refreshed = agreement.getParties().stream().map(p -> {
            Organization organization = byId.get(p.organizationId());
            return organization == null ? p
                    : new Party(p.organizationId(), p.role(), organization.getName(), organization.getRegion());
        }).toList();
        IntegrationEvent signed = agreement.sign(signing, refreshed, regionPath(refreshed));
        return transition(agreement, expectedVersion, signed, AgreementStatus.SIGNED);
    }

    Agreement activate(String id, Long expectedVersion) {
        Agreement agreement = get(id);
        return transition(agreement, expectedVersion, agreement.activate(clock.instant()), AgreementStatus.ACTIVE);
    }

    Agreement terminate(String id, Long expectedVersion, String reason) {
        Agreement agreement = get(id);
        return transition(agreement, expectedVersion, agreement.terminate(reason, clock.instant()),
                AgreementStatus.TERMINATED);
    }

    Agreement addMilestone(String id, Long expectedVersion, AddMilestone command) {
        Agreement agreement = get(id);
        if (command.dueDate().isBefore(agreement.getEffectiveFrom())) {
            throw new InvalidInputException("dueDate", "must not be before the agreement's effectiveFrom ("
                    + agreement.getEffectiveFrom() + ")");
        }
        long version = expectedVersion == null ? agreement.getVersion() : expectedVersion;
        agreement.addMilestone(command.title(), command.dueDate());
        return store.update(agreement, version, List.of());
    }

    Agreement completeMilestone(String id, String milestoneId, Long expectedVersion) {
        Agreement agreement = get(id);
        long version = expectedVersion == null ? agreement.getVersion() : expectedVersion;
        agreement.completeMilestone(milestoneId, clock.instant());
        return store.update(agreement, version, List.of());
    }

    /** Expires one agreement if due; false when it was not due or another instance got there first. */
    boolean expireIfDue(Agreement agreement) {
        if (!agreement.isDueToExpire(today())) {
            return false;
        }
        long version = agreement.getVersion();
        IntegrationEvent expired = agreement.expire(clock.instant());
        store.update(agreement, version, List.of(expired));
        countTransition(agreement, AgreementStatus.EXPIRED);
        return true;
    }

    /** Reports each overdue milestone once: the report mark and the event are one conditional write. */
    int reportOverdueMilestones(Agreement agreement) {
        long version = agreement.getVersion();
        var events = agreement.reportOverdueMilestones(today(), clock.instant());
        if (events.isEmpty()) {
            return 0;
        }
        store.update(agreement, version, events);
        metrics.counter("milestones.overdue", "type", agreement.getType().name()).increment(events.size());
        return events.size();
    }

    /** Visible to the caller, else 404: a DRAFT is shown to staff and to its parties only. */
    Agreement getVisible(String id, Caller caller) {
        Agreement agreement = get(id);
        if (!isVisible(agreement, caller)) {
            throw new ResourceNotFoundException("agreement", id);
        }
        return agreement;
    }

    Page<Agreement> list(AgreementFilter filter, Caller caller, Pageable pageable) {
        List<Criteria> criteria = new ArrayList<>();
        if (!caller.isStaff()) {
            Criteria visible = Criteria.where("status").in(AgreementStatus.PUBLIC);
            criteria.add(caller.organizationId() == null ? visible : new Criteria().orOperator(visible,
                    Criteria.where("partyOrganizationIds").is(caller.organizationId())));
        }
        if (filter.status() != null) {
            criteria.add(Criteria.where("status").is(filter.status()));
        }
        if (filter.type() != null) {
            criteria.add(Criteria.where("type").is(filter.type()));
        }
        if (filter.region() != null && !filter.region().isBlank()) {
            if (regions.find(filter.region()).isEmpty()) {
                throw new InvalidInputException("region", "must be a known GB/T 2260 code (county, prefecture or province)");
            }
            criteria.add(Criteria.where("partyRegions").is(filter.region()));
        }
        if (filter.organizationId() != null && !filter.organizationId().isBlank()) {
            criteria.add(Criteria.where("partyOrganizationIds").is(filter.organizationId()));
        }
        if (filter.area() != null) {
            criteria.add(Criteria.where("cooperationAreas").is(filter.area()));
        }
        Query query = criteria.isEmpty() ? new Query() : new Query(new Criteria().andOperator(criteria));
        long total = mongo.count(query, Agreement.class);
        List<Agreement> content = mongo.find(Query.of(query).with(pageable), Agreement.class);
        return PageableExecutionUtils.getPage(content, pageable, () -> total);
    }

    List<Agreement> openAgreements() {
        return mongo.find(Query.query(Criteria.where("status").in(AgreementStatus.SIGNED, AgreementStatus.ACTIVE,
                AgreementStatus.DRAFT)), Agreement.class);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(PLATFORM_ZONE));
    }

    private Agreement get(String id) {
        Agreement agreement = mongo.findById(id, Agreement.class);
        if (agreement == null) {
            throw new ResourceNotFoundException("agreement", id);
        }
        return agreement;
    }

    private static boolean isVisible(Agreement agreement, Caller caller) {
        return caller.isStaff() || AgreementStatus.PUBLIC.contains(agreement.getStatus())
                || agreement.hasParty(caller.organizationId());
    }

    private Agreement transition(Agreement agreement, Long expectedVersion, IntegrationEvent event,
                                 AgreementStatus target) {
        long version = expectedVersion == null ? agreement.getVersion() : expectedVersion;
        Agreement stored = store.update(agreement, version, List.of(event));
        countTransition(stored, target);
        return stored;
    }

    private void countTransition(Agreement agreement, AgreementStatus target) {
        metrics.counter("agreements.transitions", "type", agreement.getType().name(), "to", target.name())
                .increment();
    }

    private AgreementDraft validate(DraftAgreement command) {
        List<FieldViolation> violations = new ArrayList<>();
        if (command.effectiveTo() != null && command.effectiveTo().isBefore(command.effectiveFrom())) {
            violations.add(new FieldViolation("effectiveTo", "must not be before effectiveFrom"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < command.parties().size(); i++) {
            if (!seen.add(command.parties().get(i).organizationId())) {
                violations.add(new FieldViolation("parties[" + i + "].organizationId",
                        "lists an organization that is already a party; list each party once"));
            }
        }
        List<String> ids = command.parties().stream().map(PartyInput::organizationId).distinct().toList();
        Map<String, Organization> known = organizations.findAll(ids).stream()
                .collect(Collectors.toMap(Organization::getId, Function.identity()));
        for (int i = 0; i < command.parties().size(); i++) {
            if (!known.containsKey(command.parties().get(i).organizationId())) {
                violations.add(new FieldViolation("parties[" + i + "].organizationId",
                        "is not a registered organization; register it first (POST /api/v1/organizations)"));
            }
        }
        BranchCenter branchCenter = null;
        if (command.type() == AgreementType.BRANCH_CENTER_ESTABLISHMENT) {
            if (command.branchCenter() == null) {
                violations.add(new FieldViolation("branchCenter",
                        "is required for a BRANCH_CENTER_ESTABLISHMENT agreement: {name, region, hostOrganizationId}"));
            } else {
                if (!seen.contains(command.branchCenter().hostOrganizationId())) {
                    violations.add(new FieldViolation("branchCenter.hostOrganizationId", "must be one of the parties"));
                }
                if (!regions.isAssignable(command.branchCenter().region())) {
                    violations.add(new FieldViolation("branchCenter.region",
                            "must be a known GB/T 2260 county-level code such as 320509"));
                }
                branchCenter = new BranchCenter(command.branchCenter().name(), command.branchCenter().region(),
                        command.branchCenter().hostOrganizationId());
            }
        } else if (command.branchCenter() != null) {
            violations.add(new FieldViolation("branchCenter",
                    "only a BRANCH_CENTER_ESTABLISHMENT agreement establishes a branch center"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        List<Party> parties = command.parties().stream().map(p -> {
            Organization organization = known.get(p.organizationId());
            return new Party(p.organizationId(), p.role(), organization.getName(), organization.getRegion());
        }).toList();
        List<CooperationArea> areas = command.cooperationAreas() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(command.cooperationAreas()));
        return new AgreementDraft(command.title(), command.type(), parties, regionPath(parties), areas,
                command.summary() == null ? Map.of() : command.summary(), command.effectiveFrom(),
                command.effectiveTo(), branchCenter);
    }

    private Signing validateSigning(Agreement agreement, SignAgreement command) {
        List<FieldViolation> violations = new ArrayList<>();
        Set<String> signed = new HashSet<>();
        for (int i = 0; i < command.signatories().size(); i++) {
            SignatoryInput signatory = command.signatories().get(i);
            if (!agreement.hasParty(signatory.organizationId())) {
                violations.add(new FieldViolation("signatories[" + i + "].organizationId",
                        "must be the organization of one of the parties"));
            }
            signed.add(signatory.organizationId());
        }
        for (String party : agreement.getPartyOrganizationIds()) {
            if (!signed.contains(party)) {
                violations.add(new FieldViolation("signatories", "has no signatory for party " + party
                        + "; every party must sign"));
            }
        }
        if (command.signedAt().isAfter(clock.instant().plusSeconds(86_400))) {
            violations.add(new FieldViolation("signedAt", "must not be in the future"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new Signing(command.signedAt(), command.place(), command.signatories().stream()
                .map(s -> new Signatory(s.name(), s.title(), s.organizationId())).toList());
    }

    /** County, prefecture and province of every party, for the region filter. */
    private List<String> regionPath(List<Party> parties) {
        Set<String> codes = new LinkedHashSet<>();
        for (Party party : parties) {
            regions.find(party.region()).ifPresent(region -> {
                codes.add(region.code());
                codes.add(region.prefectureCode());
                codes.add(region.provinceCode());
            });
        }
        return List.copyOf(codes);
    }

    record AgreementFilter(AgreementStatus status, AgreementType type, String region, String organizationId,
                           CooperationArea area) {
    }
}
