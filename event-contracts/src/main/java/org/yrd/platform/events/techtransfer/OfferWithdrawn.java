package org.yrd.platform.events.techtransfer;

public record OfferWithdrawn(String offerId, String organizationId, String field, String region) implements OfferEvent {
}
