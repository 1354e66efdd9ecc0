package org.yrd.platform.agreement.agreement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.yrd.platform.commons.web.BilingualText;
import org.yrd.platform.commons.web.IsoInstant;
import tools.jackson.databind.annotation.JsonDeserialize;

/** Request and response records of the agreements API. */
public final class AgreementApi {

    private AgreementApi() {
    }

    public record PartyInput(@NotBlank @Size(max = 64) String organizationId, @Size(max = 100) String role) {
    }

    public record BranchCenterInput(@NotNull @BilingualText(maxLength = 200) Map<String, String> name,
                                    @NotBlank String region, @NotBlank @Size(max = 64) String hostOrganizationId) {
    }

    public record DraftAgreement(
            @NotNull @BilingualText(maxLength = 300) Map<String, String> title,
            @NotNull AgreementType type,
            @NotNull @Size(min = 2, max = 50, message = "must list between 2 and 50 parties") List<@Valid @NotNull PartyInput> parties,
            @Size(max = 11) List<@NotNull CooperationArea> cooperationAreas,
            @BilingualText(maxLength = 4000, required = false) Map<String, String> summary,
            @NotNull LocalDate effectiveFrom,
            LocalDate effectiveTo,
            @Valid BranchCenterInput branchCenter,
            Long version) {
    }

    public record SignatoryInput(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 200) String title,
                                 @NotBlank @Size(max = 64) String organizationId) {
    }

    public record SignAgreement(@NotNull @JsonDeserialize(using = IsoInstant.class) Instant signedAt, @NotBlank @Size(max = 200) String place,
                                @NotEmpty @Size(max = 50) List<@Valid @NotNull SignatoryInput> signatories) {
    }

    public record TerminateAgreement(@NotBlank @Size(max = 1000) String reason) {
    }

    public record AddMilestone(@NotNull @BilingualText(maxLength = 300) Map<String, String> title,
                               @NotNull LocalDate dueDate) {
    }

    public record PartyView(String organizationId, String role, Map<String, String> name, String region) {
    }

    public record SignatoryView(String name, String title, String organizationId) {
    }

    public record BranchCenterView(Map<String, String> name, String region, String hostOrganizationId) {
    }

    public record MilestoneView(String id, Map<String, String> title, LocalDate dueDate, boolean completed,
                                Instant completedAt, boolean overdue) {
    }

    public record AgreementView(String id, long version, Instant createdAt, Instant updatedAt,
                                Map<String, String> title, AgreementType type, AgreementStatus status,
                                List<PartyView> parties, List<CooperationArea> cooperationAreas,
                                Map<String, String> summary, LocalDate effectiveFrom, LocalDate effectiveTo,
                                BranchCenterView branchCenter, Instant signedAt, String place,
                                List<SignatoryView> signatories, Instant activatedAt, Instant terminatedAt,
                                String terminationReason, Instant expiredAt, List<MilestoneView> milestones,
                                int overdueMilestones) {
    }
}
