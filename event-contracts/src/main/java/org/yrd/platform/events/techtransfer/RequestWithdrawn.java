package org.yrd.platform.events.techtransfer;

public record RequestWithdrawn(String requestId, String organizationId, String field, String region)
        implements RequestEvent {
}
