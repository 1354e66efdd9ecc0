package org.yrd.platform.agreement.agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The value objects stored inside an agreement document. */
final class AgreementParts {

    private AgreementParts() {
    }

    /** A party, with a snapshot of its name and region taken when the agreement was drafted or signed. */
    record Party(String organizationId, String role, Map<String, String> name, String region) {
    }

    record Signatory(String name, String title, String organizationId) {
    }

    record Signing(Instant signedAt, String place, List<Signatory> signatories) {
    }

    record BranchCenter(Map<String, String> name, String region, String hostOrganizationId) {
    }

    record Milestone(String id, Map<String, String> title, LocalDate dueDate, Instant completedAt,
                     Instant overdueReportedAt) {

        boolean isCompleted() {
            return completedAt != null;
        }

        boolean isOverdue(LocalDate today) {
            return !isCompleted() && dueDate.isBefore(today);
        }

        Milestone complete(Instant at) {
            return new Milestone(id, title, dueDate, at, overdueReportedAt);
        }

        Milestone overdueReported(Instant at) {
            return new Milestone(id, title, dueDate, completedAt, at);
        }
    }
}
