package org.yrd.platform.events.techtransfer;

import org.yrd.platform.events.IntegrationEvent;
import org.yrd.platform.events.Topics;

/** Events of the Request aggregate (techtransfer-service), on {@link Topics#TECHTRANSFER_REQUESTS}. */
public sealed interface RequestEvent extends IntegrationEvent
        permits RequestPublished, RequestWithdrawn, RequestExpired, RequestMatched {

    String requestId();

    @Override
    default String topic() {
        return Topics.TECHTRANSFER_REQUESTS;
    }

    @Override
    default String aggregateId() {
        return requestId();
    }
}
