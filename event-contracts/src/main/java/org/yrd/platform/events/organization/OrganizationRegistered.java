package org.yrd.platform.events.organization;

import java.util.Map;

public record OrganizationRegistered(String organizationId, Map<String, String> name, String organizationType,
                                     String region) implements OrganizationEvent {
}
