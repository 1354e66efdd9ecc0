package org.yrd.platform.events.agreement;

import java.util.Map;

public record BranchCenterRef(Map<String, String> name, String region, String hostOrganizationId) {
}
