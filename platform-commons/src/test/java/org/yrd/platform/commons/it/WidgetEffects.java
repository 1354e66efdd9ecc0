package org.yrd.platform.commons.it;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.yrd.platform.commons.consumer.ProcessedEvents;
import org.yrd.platform.commons.events.EventCodec;
import org.yrd.platform.events.EventEnvelope;
import org.yrd.platform.events.Topics;
import org.yrd.platform.events.organization.OrganizationEvent;
import tools.jackson.databind.JsonNode;

/** An idempotent consumer: each event appends one effect document, at most once per eventId. */
@Component
class WidgetEffects {

    static final String CONSUMER = "widget-effects";

    private final MongoTemplate mongo;
    private final ProcessedEvents processed;

    WidgetEffects(MongoTemplate mongo, ProcessedEvents processed) {
        this.mongo = mongo;
        this.processed = processed;
    }

    @KafkaListener(topics = Topics.ORGANIZATIONS, groupId = "commons-it")
    void on(EventEnvelope<JsonNode> envelope) {
        OrganizationEvent event = (OrganizationEvent) EventCodec.typedPayload(envelope);
        if (event.name().containsValue("FAIL")) {
            throw new IllegalStateException("processing refused for " + event.organizationId());
        }
        processed.handleOnce(CONSUMER, envelope, () -> {
            mongo.insert(new Document("eventId", envelope.eventId()).append("aggregateId", envelope.aggregateId())
                    .append("version", envelope.aggregateVersion()).append("type", envelope.type()), "effects");
        });
    }

    long effectsFor(String aggregateId) {
        return mongo.count(Query.query(Criteria.where("aggregateId").is(aggregateId)), "effects");
    }
}
