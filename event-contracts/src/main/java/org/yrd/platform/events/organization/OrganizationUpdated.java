package org.yrd.platform.events.organization;

import java.util.Map;

public record OrganizationUpdated(String organizationId, Map<String, String> name, String organizationType,
                                  String region) implements OrganizationEvent {
}
