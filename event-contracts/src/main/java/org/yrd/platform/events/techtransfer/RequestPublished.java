package org.yrd.platform.events.techtransfer;

import java.util.Map;

public record RequestPublished(String requestId, String organizationId, Map<String, String> title, String field,
                               String region, int requiredTrlMin) implements RequestEvent {
}
