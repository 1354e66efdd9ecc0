package org.yrd.platform.agreement.agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.yrd.platform.agreement.agreement.AgreementParts.BranchCenter;
import org.yrd.platform.agreement.agreement.AgreementParts.Milestone;
import org.yrd.platform.agreement.agreement.AgreementParts.Party;
import org.yrd.platform.agreement.agreement.AgreementParts.Signing;
import org.yrd.platform.commons.error.ResourceNotFoundException;
import org.yrd.platform.commons.error.StateConflictException;
import org.yrd.platform.commons.outbox.AggregateDocument;
import org.yrd.platform.events.agreement.AgreementActivated;
import org.yrd.platform.events.agreement.AgreementExpired;
import org.yrd.platform.events.agreement.AgreementSigned;
import org.yrd.platform.events.agreement.AgreementTerminated;
import org.yrd.platform.events.agreement.BranchCenterRef;
import org.yrd.platform.events.agreement.MilestoneOverdue;
import org.yrd.platform.events.agreement.PartyRef;
import org.yrd.platform.events.agreement.SignatoryRef;

/**
 * A multi-party cooperation agreement. Every change is a method that moves the state machine and returns the
 * event it publishes; the service stores both in one write. The party, region and area lists are denormalised
 * into flat fields so the list filters are plain indexed equality queries.
 */
@Document("agreements")
public class Agreement extends AggregateDocument {

    private Map<String, String> title;
    @Indexed
    private AgreementType type;
    @Indexed
    private AgreementStatus status;
    private List<Party> parties;
    @Indexed
    private List<String> partyOrganizationIds;
    /** Every party's county, prefecture and province code, so one equality filter serves any level. */
    @Indexed
    private List<String> partyRegions;
    private List<CooperationArea> cooperationAreas;
    private Map<String, String> summary;
    private LocalDate effectiveFrom;
    private LocalDate effectiveTo;
    private BranchCenter branchCenter;
    private Signing signing;
    private Instant activatedAt;
    private Instant terminatedAt;
    private String terminationReason;
    private Instant expiredAt;
    private List<Milestone> milestones;

    Agreement() {
    }

    private Agreement(String id) {
        super(id);
    }

    static Agreement draft(AgreementDraft draft) {
        Agreement agreement = new Agreement("agr-" + new ObjectId().toHexString());
        agreement.status = AgreementStatus.DRAFT;
        agreement.milestones = new ArrayList<>();
        agreement.apply(draft);
        return agreement;
    }

    /** Edits are allowed on drafts only: what was signed is not rewritten. */
    void edit(AgreementDraft draft) {
        if (status != AgreementStatus.DRAFT) {
            throw new StateConflictException("Only a DRAFT agreement can be edited; this one is " + status + ".");
        }
        apply(draft);
    }

    private void apply(AgreementDraft draft) {
        this.title = draft.title();
        this.type = draft.type();
        this.parties = draft.parties();
        this.partyOrganizationIds = draft.parties().stream().map(Party::organizationId).toList();
        this.partyRegions = draft.partyRegionCodes();
        this.cooperationAreas = draft.cooperationAreas();
        this.summary = draft.summary();
        this.effectiveFrom = draft.effectiveFrom();
        this.effectiveTo = draft.effectiveTo();
        this.branchCenter = draft.branchCenter();
    }

    AgreementSigned sign(Signing signing, List<Party> refreshedParties, List<String> partyRegionCodes) {
        status = status.moveTo(AgreementStatus.SIGNED);
        this.signing = signing;
        this.parties = refreshedParties;
        this.partyRegions = partyRegionCodes;
        return new AgreementSigned(getId(), title, type.name(), partyRefs(), areaNames(),
                signing.signatories().stream().map(s -> new SignatoryRef(s.name(), s.title(), s.organizationId()))
                        .toList(),
                signing.signedAt(), signing.place(), effectiveFrom, effectiveTo,
                branchCenter == null ? null : new BranchCenterRef(branchCenter.name(), branchCenter.region(),
                        branchCenter.hostOrganizationId()));
    }

    AgreementActivated activate(Instant now) {
        status = status.moveTo(AgreementStatus.ACTIVE);
        activatedAt = now;
        return new AgreementActivated(getId(), title, type.name(), partyRefs());
    }

    AgreementTerminated terminate(String reason, Instant now) {
        status = status.moveTo(AgreementStatus.TERMINATED);
        terminatedAt = now;
        terminationReason = reason;
        return new AgreementTerminated(getId(), reason, partyOrganizationIds);
    }

    boolean isDueToExpire(LocalDate today) {
        return effectiveTo != null && effectiveTo.isBefore(today) && status.canMoveTo(AgreementStatus.EXPIRED);
    }

    AgreementExpired expire(Instant now) {
        status = status.moveTo(AgreementStatus.EXPIRED);
        expiredAt = now;
        return new AgreementExpired(getId(), effectiveTo, partyOrganizationIds);
    }

    Milestone addMilestone(Map<String, String> milestoneTitle, LocalDate dueDate) {
        if (!status.isOpen()) {
            throw new StateConflictException("Milestones cannot be added to a " + status + " agreement.");
        }
        Milestone milestone = new Milestone("ms-" + new ObjectId().toHexString(), milestoneTitle, dueDate, null, null);
        milestones.add(milestone);
        return milestone;
    }

    Milestone completeMilestone(String milestoneId, Instant now) {
        Milestone milestone = milestone(milestoneId)
                .orElseThrow(() -> new ResourceNotFoundException("milestone", milestoneId));
        if (milestone.isCompleted()) {
            throw new StateConflictException("Milestone " + milestoneId + " is already completed.");
        }
        if (!status.isOpen()) {
            throw new StateConflictException("Milestones of a " + status + " agreement cannot change.");
        }
        Milestone completed = milestone.complete(now);
        milestones.replaceAll(m -> m.id().equals(milestoneId) ? completed : m);
        return completed;
    }

    /** Overdue milestones not reported yet, each reported once: the mark is stored with the event. */
    List<MilestoneOverdue> reportOverdueMilestones(LocalDate today, Instant now) {
        List<MilestoneOverdue> events = new ArrayList<>();
        if (!status.isOpen()) {
            return events;
        }
        milestones.replaceAll(m -> {
            if (m.isOverdue(today) && m.overdueReportedAt() == null) {
                events.add(new MilestoneOverdue(getId(), m.id(), m.title(), m.dueDate()));
                return m.overdueReported(now);
            }
            return m;
        });
        return events;
    }

    boolean hasParty(String organizationId) {
        return organizationId != null && partyOrganizationIds.contains(organizationId);
    }

    Optional<Milestone> milestone(String milestoneId) {
        return milestones.stream().filter(m -> m.id().equals(milestoneId)).findFirst();
    }

    private List<PartyRef> partyRefs() {
        return parties.stream().map(p -> new PartyRef(p.organizationId(), p.name(), p.region(), p.role())).toList();
    }

    private List<String> areaNames() {
        return cooperationAreas.stream().map(Enum::name).toList();
    }

    public Map<String, String> getTitle() {
        return title;
    }

    public AgreementType getType() {
        return type;
    }

    public AgreementStatus getStatus() {
        return status;
    }

    List<Party> getParties() {
        return parties;
    }

    public List<String> getPartyOrganizationIds() {
        return partyOrganizationIds;
    }

    List<CooperationArea> getCooperationAreas() {
        return cooperationAreas;
    }

    Map<String, String> getSummary() {
        return summary;
    }

    LocalDate getEffectiveFrom() {
        return effectiveFrom;
    }

    LocalDate getEffectiveTo() {
        return effectiveTo;
    }

    BranchCenter getBranchCenter() {
        return branchCenter;
    }

    Signing getSigning() {
        return signing;
    }

    Instant getActivatedAt() {
        return activatedAt;
    }

    Instant getTerminatedAt() {
        return terminatedAt;
    }

    String getTerminationReason() {
        return terminationReason;
    }

    Instant getExpiredAt() {
        return expiredAt;
    }

    List<Milestone> getMilestones() {
        return milestones;
    }

    /** A validated draft: what create and edit both apply. */
    record AgreementDraft(Map<String, String> title, AgreementType type, List<Party> parties,
                          List<String> partyRegionCodes, List<CooperationArea> cooperationAreas,
                          Map<String, String> summary, LocalDate effectiveFrom, LocalDate effectiveTo,
                          BranchCenter branchCenter) {
    }
}
