package org.yrd.platform.techtransfer.match;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.yrd.platform.commons.events.EventCodec;
import org.yrd.platform.events.EventEnvelope;
import org.yrd.platform.events.Topics;
import org.yrd.platform.events.techtransfer.DealClosed;
import org.yrd.platform.techtransfer.request.RequestService;
import tools.jackson.databind.JsonNode;

/**
 * Makes "deal closed ⇒ request MATCHED" hold even when the service stopped between the two writes: the stored
 * DealClosed is published by the outbox whatever happens, and marking the request is idempotent.
 */
@Component
class DealClosedListener {

    private final RequestService requests;

    DealClosedListener(RequestService requests) {
        this.requests = requests;
    }

    @KafkaListener(topics = Topics.TECHTRANSFER_MATCHES, groupId = "${spring.application.name}")
    void on(EventEnvelope<JsonNode> envelope) {
        if (EventCodec.typedPayload(envelope) instanceof DealClosed deal) {
            requests.markMatched(deal.requestId(), deal.dealId(), deal.matchId());
        }
    }
}
