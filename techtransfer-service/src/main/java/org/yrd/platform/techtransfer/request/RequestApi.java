package org.yrd.platform.techtransfer.request;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.yrd.platform.commons.web.BilingualText;
import org.yrd.platform.techtransfer.listing.Budget;
import org.yrd.platform.techtransfer.listing.BudgetInput;
import org.yrd.platform.techtransfer.listing.RegionView;
import org.yrd.platform.techtransfer.listing.TechField;
import org.yrd.platform.techtransfer.listing.TransferMode;

/** Request and response records of the requests API. Fields not listed (status, id, version, ...) do not bind. */
public final class RequestApi {

    private RequestApi() {
    }

    public record SubmitRequest(
            @NotNull @BilingualText(maxLength = 200) Map<String, String> title,
            @NotNull @BilingualText(maxLength = 4000) Map<String, String> description,
            @NotNull TechField field,
            @Size(max = 10, message = "must have at most 10 keywords")
            List<@NotBlank @Size(max = 50, message = "must have at most 50 characters") String> keywords,
            @NotNull @Min(1) @Max(9) Integer requiredTrlMin,
            @Valid BudgetInput budget,
            @NotEmpty @Size(max = 5, message = "lists each of the 5 transfer modes at most once") List<@NotNull TransferMode> acceptableModes,
            @NotBlank @Schema(description = "GB/T 2260 county-level code where the technology is needed",
                    example = "320509") String region,
            @Schema(description = "Last day the request is open (UTC), today or later", example = "2027-06-30")
            LocalDate deadline,
            @Schema(description = "Staff only: the organization this request is submitted for. Partners always "
                    + "submit for the organization in their token.") @Size(max = 100) String organizationId) {
    }

    public record RenewRequest(
            @Schema(description = "A new deadline, today or later; without one the old deadline is dropped")
            LocalDate deadline) {
    }

    public record RequestView(
            String id, long version, Instant createdAt, Instant updatedAt,
            String organizationId, Map<String, String> organizationName,
            Map<String, String> title, Map<String, String> description, TechField field, List<String> keywords,
            int requiredTrlMin, Budget budget, List<TransferMode> acceptableModes,
            String region, RegionView regionInfo, LocalDate deadline,
            RequestStatus status,
            @Schema(description = "The branch center reviewing it, or 'central'") String branchCenterId,
            String reviewReason, Instant publishedAt, Instant expiresAt, boolean renewed,
            String dealId, Instant matchedAt) {
    }
}
