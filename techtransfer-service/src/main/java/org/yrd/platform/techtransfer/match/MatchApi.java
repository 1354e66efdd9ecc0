package org.yrd.platform.techtransfer.match;

import org.yrd.platform.commons.web.IsoInstant;
import tools.jackson.databind.annotation.JsonDeserialize;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import org.yrd.platform.techtransfer.listing.MoneyInput;
import org.yrd.platform.techtransfer.listing.TechField;
import org.yrd.platform.techtransfer.listing.TransferMode;

/** Request and response records of the matches API. */
public final class MatchApi {

    private MatchApi() {
    }

    public record ProposeMatch(
            @NotBlank @Size(max = 100) String requestId,
            @NotBlank @Size(max = 100) String offerId,
            @Schema(description = "A note to the offer's owner") @Size(max = 2000) String message) {
    }

    public record DeclineMatch(
            @NotNull DeclineReason reasonCode,
            @Size(max = 2000) String text,
            Long version) {
    }

    public record CloseDeal(
            @NotNull TransferMode mode,
            @NotNull @Valid MoneyInput value,
            @NotNull @JsonDeserialize(using = IsoInstant.class) @Schema(example = "2026-06-30T08:00:00Z") Instant signedAt,
            Long version) {
    }

    public record MatchView(
            String id, long version, Instant createdAt, Instant updatedAt,
            String requestId, String offerId, String requestOrganizationId, String offerOrganizationId,
            Map<String, String> offerTitle, TechField field, String message, MatchStatus status,
            Match.Decline decline, Deal deal, Instant acceptedAt, Instant closedAt) {
    }
}
