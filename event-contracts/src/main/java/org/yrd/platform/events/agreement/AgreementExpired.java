package org.yrd.platform.events.agreement;

import java.time.LocalDate;
import java.util.List;

public record AgreementExpired(String agreementId, LocalDate effectiveTo, List<String> partyOrganizationIds)
        implements AgreementEvent {
}
