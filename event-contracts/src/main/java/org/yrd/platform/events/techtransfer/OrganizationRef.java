package org.yrd.platform.events.techtransfer;

import java.util.Map;

public record OrganizationRef(String organizationId, Map<String, String> name, String region) {
}
