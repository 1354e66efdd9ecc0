package org.yrd.platform.commons.consumer;

import java.time.Clock;
import java.util.Date;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.yrd.platform.events.EventEnvelope;

/**
 * Dedupe records for idempotent consumers: one document per (consumer, eventId), whose unique _id makes a second
 * insert a duplicate-key error, read as "already seen". Effects should themselves be idempotent upserts where
 * possible (keyed by the event's aggregate or id), so that a crash between the effect and the mark cannot double
 * an effect; this record then saves the repeated work and makes duplicates countable.
 */
public class ProcessedEvents {

    static final String COLLECTION = "processed_events";

    private final MongoTemplate mongo;
    private final Clock clock;

    public ProcessedEvents(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public boolean alreadyProcessed(String consumer, String eventId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(key(consumer, eventId))), COLLECTION);
    }

    /** Records the event as processed; false if it already was. */
    public boolean markProcessed(String consumer, EventEnvelope<?> envelope) {
        try {
            mongo.insert(new Document("_id", key(consumer, envelope.eventId()))
                    .append("consumer", consumer)
                    .append("type", envelope.type())
                    .append("aggregateId", envelope.aggregateId())
                    .append("processedAt", Date.from(clock.instant())), COLLECTION);
            return true;
        } catch (DuplicateKeyException alreadySeen) {
            return false;
        }
    }

    /**
     * Runs the effect unless this consumer already processed the event. Returns whether it ran.
     */
    public boolean handleOnce(String consumer, EventEnvelope<?> envelope, Runnable effect) {
        if (alreadyProcessed(consumer, envelope.eventId())) {
            return false;
        }
        effect.run();
        markProcessed(consumer, envelope);
        return true;
    }

    public long count(String consumer) {
        return mongo.count(Query.query(Criteria.where("consumer").is(consumer)), COLLECTION);
    }

    private static String key(String consumer, String eventId) {
        return consumer + ":" + eventId;
    }
}
