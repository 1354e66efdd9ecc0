package org.yrd.platform.events.agreement;

import java.time.LocalDate;
import java.util.Map;

public record MilestoneOverdue(String agreementId, String milestoneId, Map<String, String> title, LocalDate dueDate)
        implements AgreementEvent {
}
