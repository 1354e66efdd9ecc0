package org.yrd.platform.agreement.agreement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yrd.platform.agreement.agreement.AgreementApi.AddMilestone;
import org.yrd.platform.agreement.agreement.AgreementApi.AgreementView;
import org.yrd.platform.agreement.agreement.AgreementApi.BranchCenterView;
import org.yrd.platform.agreement.agreement.AgreementApi.DraftAgreement;
import org.yrd.platform.agreement.agreement.AgreementApi.MilestoneView;
import org.yrd.platform.agreement.agreement.AgreementApi.PartyView;
import org.yrd.platform.agreement.agreement.AgreementApi.SignAgreement;
import org.yrd.platform.agreement.agreement.AgreementApi.SignatoryView;
import org.yrd.platform.agreement.agreement.AgreementApi.TerminateAgreement;
import org.yrd.platform.agreement.agreement.AgreementService.AgreementFilter;
import org.yrd.platform.commons.security.Caller;
import org.yrd.platform.commons.web.PageResponse;
import org.yrd.platform.commons.web.Paging;
import org.yrd.platform.commons.web.Versions;

@RestController
@RequestMapping("/api/v1/agreements")
@Tag(name = "agreements", description = "Cooperation agreements, their signing, milestones and branch centers")
class AgreementController {

    private static final Set<String> SORTABLE = Set.of("createdAt", "updatedAt", "effectiveFrom", "effectiveTo",
            "status", "type");

    private final AgreementService agreements;

    AgreementController(AgreementService agreements) {
        this.agreements = agreements;
    }

    @PostMapping
    @Operation(summary = "Draft an agreement (staff)", security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<AgreementView> create(@Valid @RequestBody DraftAgreement body, Caller caller) {
        caller.requireStaff();
        Agreement agreement = agreements.create(body);
        return ResponseEntity.created(URI.create("/api/v1/agreements/" + agreement.getId()))
                .eTag(Versions.etag(agreement.getVersion())).body(view(agreement));
    }

    @GetMapping
    @Operation(summary = "List agreements: signed and later for everyone, drafts for staff and their parties")
    PageResponse<AgreementView> list(@RequestParam(required = false) AgreementStatus status,
                                     @RequestParam(required = false) AgreementType type,
                                     @RequestParam(required = false) String region,
                                     @RequestParam(required = false) String organizationId,
                                     @RequestParam(required = false) CooperationArea area,
                                     @RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size,
                                     @RequestParam(required = false) String sort, Caller caller) {
        return PageResponse.of(agreements.list(new AgreementFilter(status, type, region, organizationId, area),
                caller, Paging.of(page, size, sort, SORTABLE, Sort.by(Sort.Direction.DESC, "createdAt")
                        .and(Sort.by("_id")))), this::view);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One agreement")
    ResponseEntity<AgreementView> get(@PathVariable String id, Caller caller) {
        Agreement agreement = agreements.getVisible(id, caller);
        return Versions.ok(view(agreement), agreement.getVersion());
    }

    @PutMapping("/{id}")
    @Operation(summary = "Edit a DRAFT (staff, If-Match)", security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<AgreementView> edit(@PathVariable String id,
                                       @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                       @Valid @RequestBody DraftAgreement body, Caller caller) {
        caller.requireStaff();
        Agreement agreement = agreements.edit(id, Versions.required(ifMatch, body.version()), body);
        return Versions.ok(view(agreement), agreement.getVersion());
    }

    @PostMapping("/{id}/sign")
    @Operation(summary = "Sign a DRAFT: every party needs a signatory (staff)",
            security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<AgreementView> sign(@PathVariable String id,
                                       @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                       @Valid @RequestBody SignAgreement body, Caller caller) {
        caller.requireStaff();
        Agreement agreement = agreements.sign(id, Versions.optional(ifMatch), body);
        return Versions.ok(view(agreement), agreement.getVersion());
    }

    @PostMapping("/{id}/activate")
    @Operation(summary = "SIGNED to ACTIVE (staff)", security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<AgreementView> activate(@PathVariable String id,
                                           @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                           Caller caller) {
        caller.requireStaff();
        Agreement agreement = agreements.activate(id, Versions.optional(ifMatch));
        return Versions.ok(view(agreement), agreement.getVersion());
    }

    @PostMapping("/{id}/terminate")
    @Operation(summary = "SIGNED or ACTIVE to TERMINATED, with a reason (staff)",
            security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<AgreementView> terminate(@PathVariable String id,
                                            @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                            @Valid @RequestBody TerminateAgreement body, Caller caller) {
        caller.requireStaff();
        Agreement agreement = agreements.terminate(id, Versions.optional(ifMatch), body.reason());
        return Versions.ok(view(agreement), agreement.getVersion());
    }

    @PostMapping("/{id}/milestones")
    @Operation(summary = "Add a milestone (staff)", security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<AgreementView> addMilestone(@PathVariable String id,
                                               @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                               @Valid @RequestBody AddMilestone body, Caller caller) {
        caller.requireStaff();
        Agreement agreement = agreements.addMilestone(id, Versions.optional(ifMatch), body);
        return ResponseEntity.status(201).eTag(Versions.etag(agreement.getVersion())).body(view(agreement));
    }

    @PostMapping("/{id}/milestones/{milestoneId}/complete")
    @Operation(summary = "Mark a milestone done (staff)", security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<AgreementView> completeMilestone(@PathVariable String id, @PathVariable String milestoneId,
                                                    @RequestHeader(value = "If-Match", required = false)
                                                    String ifMatch, Caller caller) {
        caller.requireStaff();
        Agreement agreement = agreements.completeMilestone(id, milestoneId, Versions.optional(ifMatch));
        return Versions.ok(view(agreement), agreement.getVersion());
    }

    private AgreementView view(Agreement agreement) {
        LocalDate today = agreements.today();
        var milestones = agreement.getMilestones().stream().map(m -> new MilestoneView(m.id(), m.title(),
                m.dueDate(), m.isCompleted(), m.completedAt(), m.isOverdue(today))).toList();
        var signing = agreement.getSigning();
        var branchCenter = agreement.getBranchCenter();
        return new AgreementView(agreement.getId(), agreement.getVersion(), agreement.getCreatedAt(),
                agreement.getUpdatedAt(), agreement.getTitle(), agreement.getType(), agreement.getStatus(),
                agreement.getParties().stream().map(p -> new PartyView(p.organizationId(), p.role(), p.name(),
                        p.region())).toList(),
                agreement.getCooperationAreas(), agreement.getSummary(), agreement.getEffectiveFrom(),
                agreement.getEffectiveTo(),
                branchCenter == null ? null : new BranchCenterView(branchCenter.name(), branchCenter.region(),
                        branchCenter.hostOrganizationId()),
                signing == null ? null : signing.signedAt(), signing == null ? null : signing.place(),
                signing == null ? java.util.List.of() : signing.signatories().stream()
                        .map(s -> new SignatoryView(s.name(), s.title(), s.organizationId())).toList(),
                agreement.getActivatedAt(), agreement.getTerminatedAt(), agreement.getTerminationReason(),
                agreement.getExpiredAt(), milestones,
                (int) milestones.stream().filter(MilestoneView::overdue).count());
    }
}
