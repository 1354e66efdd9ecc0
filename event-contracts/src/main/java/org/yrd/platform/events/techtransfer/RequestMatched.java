package org.yrd.platform.events.techtransfer;

public record RequestMatched(String requestId, String organizationId, String dealId) implements RequestEvent {
}
