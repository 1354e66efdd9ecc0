package org.yrd.platform.techtransfer.agreement;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A small local copy of a cooperation agreement between organizations, kept from agreements.v1 for the ranking
 * (a match between parties or regions that have agreed to cooperate ranks higher). Only what ranking needs: the
 * title names the agreement in the reasons of a match.
 */
@Document("cooperation_agreements")
public record CooperationAgreement(
        @Id String id,
        String agreementType,
        Map<String, String> title,
        @Indexed Status status,
        List<Party> parties,
        List<String> cooperationAreas,
        long aggregateVersion,
        Instant updatedAt) {

    public enum Status {
        SIGNED, ACTIVE, TERMINATED, EXPIRED;

        public boolean inForce() {
            return this == SIGNED || this == ACTIVE;
        }
    }

    /** A party: its organization and that organization's region (null when only the id is known). */
    public record Party(String organizationId, String region) {
    }
}
