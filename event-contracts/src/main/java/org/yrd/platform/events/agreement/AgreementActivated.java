package org.yrd.platform.events.agreement;

import java.util.List;
import java.util.Map;

public record AgreementActivated(String agreementId, Map<String, String> title, String agreementType,
                                 List<PartyRef> parties) implements AgreementEvent {
}
