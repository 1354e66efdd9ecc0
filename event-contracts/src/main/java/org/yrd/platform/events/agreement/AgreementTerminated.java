package org.yrd.platform.events.agreement;

import java.util.List;

public record AgreementTerminated(String agreementId, String reason, List<String> partyOrganizationIds)
        implements AgreementEvent {
}
