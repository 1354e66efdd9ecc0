package org.yrd.platform.techtransfer.organization;

import java.time.Instant;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The local read model of an organization, fed by organizations.v1, so that no request here calls
 * agreement-service. {@code aggregateVersion} is the version of the event last applied: older events are ignored.
 */
@Document("organizations")
public record KnownOrganization(
        @Id String id,
        Map<String, String> name,
        String organizationType,
        String region,
        String provinceCode,
        long aggregateVersion,
        Instant updatedAt) {
}
