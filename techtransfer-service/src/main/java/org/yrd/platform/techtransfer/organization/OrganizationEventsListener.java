package org.yrd.platform.techtransfer.organization;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.yrd.platform.commons.events.EventCodec;
import org.yrd.platform.events.EventEnvelope;
import org.yrd.platform.events.Topics;
import org.yrd.platform.events.organization.OrganizationEvent;
import tools.jackson.databind.JsonNode;

/** Keeps the organization read model current; the versioned upsert makes redelivery and reordering harmless. */
@Component
class OrganizationEventsListener {

    private final OrganizationDirectory directory;

    OrganizationEventsListener(OrganizationDirectory directory) {
        this.directory = directory;
    }

    @KafkaListener(topics = Topics.ORGANIZATIONS, groupId = "${spring.application.name}")
    void on(EventEnvelope<JsonNode> envelope) {
        if (EventCodec.typedPayload(envelope) instanceof OrganizationEvent event) {
            directory.apply(event, envelope.aggregateVersion());
        }
    }
}
