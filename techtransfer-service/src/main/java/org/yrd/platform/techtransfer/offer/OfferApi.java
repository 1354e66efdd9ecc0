package org.yrd.platform.techtransfer.offer;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.yrd.platform.commons.web.BilingualText;
import org.yrd.platform.techtransfer.listing.IpStatus;
import org.yrd.platform.techtransfer.listing.MoneyAmount;
import org.yrd.platform.techtransfer.listing.MoneyInput;
import org.yrd.platform.techtransfer.listing.RegionView;
import org.yrd.platform.techtransfer.listing.TechField;
import org.yrd.platform.techtransfer.listing.TransferMode;

/** Request and response records of the offers API. Only the fields listed here bind: status, ids, versions and
 * timestamps sent by a client are ignored. */
public final class OfferApi {

    private OfferApi() {
    }

    public record SubmitOffer(
            @NotNull @BilingualText(maxLength = 200) Map<String, String> title,
            @NotNull @BilingualText(maxLength = 4000) Map<String, String> summary,
            @NotNull TechField field,
            @Size(max = 10, message = "must have at most 10 keywords")
            List<@NotBlank @Size(max = 50, message = "must have at most 50 characters") String> keywords,
            @NotNull @Min(1) @Max(9) Integer trl,
            @NotNull IpStatus ipStatus,
            @Size(max = 20) List<@NotBlank @Size(max = 40) String> patentNumbers,
            @NotEmpty @Size(max = 5, message = "lists each of the 5 transfer modes at most once") List<@NotNull TransferMode> transferModes,
            @Valid MoneyInput askingPrice,
            @NotBlank @Schema(description = "GB/T 2260 county-level code where the technology is located",
                    example = "310118") String region,
            @Schema(description = "Staff only: the organization this offer is submitted for. Partners always submit "
                    + "for the organization in their token.") @Size(max = 100) String organizationId) {
    }

    public record OfferView(
            String id, long version, Instant createdAt, Instant updatedAt,
            String organizationId, Map<String, String> organizationName,
            Map<String, String> title, Map<String, String> summary, TechField field, List<String> keywords,
            int trl, IpStatus ipStatus, List<String> patentNumbers, List<TransferMode> transferModes,
            MoneyAmount askingPrice, String region, RegionView regionInfo,
            OfferStatus status,
            @Schema(description = "Shown to the owner and staff only") String reviewReason,
            Instant publishedAt, Instant expiresAt, boolean renewed) {
    }
}
