package org.yrd.platform.events.techtransfer;

public record OfferExpired(String offerId, String organizationId, String field, String region) implements OfferEvent {
}
