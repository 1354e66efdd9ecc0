package org.yrd.platform.techtransfer.listing;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.yrd.platform.commons.error.InvalidInputException;

/** Staff's review of a submitted offer or request; a rejection must say why. */
public record ReviewInput(
        @NotNull Decision decision,
        @Schema(description = "Why: required to reject, optional to approve")
        @Size(max = 2000) String reason,
        @Schema(description = "The version reviewed, if not sent as If-Match") Long version) {

    public enum Decision { APPROVE, REJECT }

    public String requireReasonToReject() {
        String trimmed = reason == null ? null : reason.strip();
        if (decision == Decision.REJECT && (trimmed == null || trimmed.isEmpty())) {
            throw new InvalidInputException("reason", "is required to reject: tell the submitter what to change");
        }
        return trimmed == null || trimmed.isEmpty() ? null : trimmed;
    }
}
