package org.yrd.platform.events.agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Carries everything news drafting, branch-center creation and matching boosts need. */
public record AgreementSigned(
        String agreementId,
        Map<String, String> title,
        String agreementType,
        List<PartyRef> parties,
        List<String> cooperationAreas,
        List<SignatoryRef> signatories,
        Instant signedAt,
        String place,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        BranchCenterRef branchCenter) implements AgreementEvent {
}
