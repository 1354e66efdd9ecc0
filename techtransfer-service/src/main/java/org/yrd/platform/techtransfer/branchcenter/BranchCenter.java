package org.yrd.platform.techtransfer.branchcenter;

import java.time.Instant;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A branch center of the network, created from a signed BRANCH_CENTER_ESTABLISHMENT agreement. Its id is derived
 * from the agreement id, so the same agreement can only ever create one.
 */
@Document("branch_centers")
public record BranchCenter(
        @Id String id,
        @Indexed(unique = true) String agreementId,
        Map<String, String> name,
        String region,
        String prefectureCode,
        String provinceCode,
        String hostOrganizationId,
        @Indexed Status status,
        Instant establishedAt,
        Instant createdAt,
        Instant closedAt) {

    public static final String CENTRAL = "central";

    public enum Status { ACTIVE, CLOSED }

    static String idFor(String agreementId) {
        return "bc-" + agreementId;
    }
}
