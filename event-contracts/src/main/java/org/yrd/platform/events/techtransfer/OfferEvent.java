package org.yrd.platform.events.techtransfer;

import org.yrd.platform.events.IntegrationEvent;
import org.yrd.platform.events.Topics;

/** Events of the Offer aggregate (techtransfer-service), on {@link Topics#TECHTRANSFER_OFFERS}. */
public sealed interface OfferEvent extends IntegrationEvent permits OfferPublished, OfferWithdrawn, OfferExpired {

    String offerId();

    @Override
    default String topic() {
        return Topics.TECHTRANSFER_OFFERS;
    }

    @Override
    default String aggregateId() {
        return offerId();
    }
}
