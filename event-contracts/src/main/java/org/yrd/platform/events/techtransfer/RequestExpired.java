package org.yrd.platform.events.techtransfer;

public record RequestExpired(String requestId, String organizationId, String field, String region)
        implements RequestEvent {
}
