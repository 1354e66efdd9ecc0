package org.yrd.platform.events.techtransfer;

import java.util.Map;

public record OfferPublished(String offerId, String organizationId, Map<String, String> title, String field,
                             String region, int trl) implements OfferEvent {
}
