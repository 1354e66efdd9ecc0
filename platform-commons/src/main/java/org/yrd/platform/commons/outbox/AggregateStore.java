package org.yrd.platform.commons.outbox;

import com.mongodb.client.result.UpdateResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.yrd.platform.commons.events.EventCodec;
import org.yrd.platform.commons.error.ResourceNotFoundException;
import org.yrd.platform.events.EventEnvelope;
import org.yrd.platform.events.IntegrationEvent;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Writes an aggregate and the events its change publishes in ONE document write: the events are pushed onto
 * the document's outbox array in the same update that changes the state and bumps the version. The relay
 * later publishes them and pulls them off. Updates never rewrite the outbox array, so a concurrent relay
 * never loses or re-adds an event.
 */
public class AggregateStore {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final OutboxRelay relay;
    private final ObjectProvider<Tracer> tracer;
    private final ObjectProvider<Propagator> propagator;

    public AggregateStore(MongoTemplate mongo, Clock clock, OutboxRelay relay, ObjectProvider<Tracer> tracer,
                          ObjectProvider<Propagator> propagator) {
        this.mongo = mongo;
        this.clock = clock;
        this.relay = relay;
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Stores a new aggregate (version 1) together with the events of its creation. */
    public <T extends AggregateDocument> T insert(T aggregate, List<? extends IntegrationEvent> events) {
        Objects.requireNonNull(aggregate.getId(), "aggregate id must be assigned before insert");
        Instant now = clock.instant();
        aggregate.stamp(1, now, now);
        Document document = new Document();
        mongo.getConverter().write(aggregate, document);
        List<Document> pending = toOutboxEntries(aggregate, events, now);
        document.put(OutboxFields.EVENTS, pending);
        document.put(OutboxFields.PENDING, !pending.isEmpty());
        String collection = mongo.getCollectionName(aggregate.getClass());
        mongo.insert(document, collection);
        relay.register(collection);
        if (!pending.isEmpty()) {
            relay.nudge(collection, aggregate.getId());
        }
        return aggregate;
    }

    /**
     * Stores the changed aggregate if its stored version is still {@code expectedVersion}, with the events of
     * the change. A stale version is an {@link OptimisticLockingFailureException} (409 for the client).
     */
    public <T extends AggregateDocument> T update(T aggregate, long expectedVersion,
                                                  List<? extends IntegrationEvent> events) {
        Instant now = clock.instant();
        long newVersion = expectedVersion + 1;
        Instant createdAt = aggregate.getCreatedAt();
        aggregate.stamp(newVersion, createdAt, now);

        Document document = new Document();
        mongo.getConverter().write(aggregate, document);
        Update update = new Update();
        for (Map.Entry<String, Object> field : document.entrySet()) {
            String name = field.getKey();
            if (!name.equals("_id") && !name.equals("version") && !name.equals("createdAt")) {
                update.set(name, field.getValue());
            }
        }
        unsetNullProperties(aggregate.getClass(), document, update);
        update.inc("version", 1);
        List<Document> pending = toOutboxEntries(aggregate, events, now);
        if (!pending.isEmpty()) {
            update.push(OutboxFields.EVENTS).each(pending.toArray());
            update.set(OutboxFields.PENDING, true);
        }
        String collection = mongo.getCollectionName(aggregate.getClass());
        Query current = Query.query(Criteria.where("_id").is(aggregate.getId()).and("version").is(expectedVersion));
        UpdateResult result = mongo.updateFirst(current, update, collection);
        if (result.getMatchedCount() == 0) {
            aggregate.stamp(expectedVersion, createdAt, aggregate.getUpdatedAt());
            if (!mongo.exists(Query.query(Criteria.where("_id").is(aggregate.getId())), collection)) {
                throw new ResourceNotFoundException("resource", aggregate.getId());
            }
            throw new OptimisticLockingFailureException("version " + expectedVersion + " of " + aggregate.getId()
                    + " is no longer current");
        }
        relay.register(collection);
        if (!pending.isEmpty()) {
            relay.nudge(collection, aggregate.getId());
        }
        return aggregate;
    }

    private void unsetNullProperties(Class<?> type, Document written, Update update) {
        MongoPersistentEntity<?> entity = mongo.getConverter().getMappingContext().getRequiredPersistentEntity(type);
        for (MongoPersistentProperty property : entity) {
            if (!property.isIdProperty() && !written.containsKey(property.getFieldName())) {
                update.unset(property.getFieldName());
            }
        }
    }

    private List<Document> toOutboxEntries(AggregateDocument aggregate, List<? extends IntegrationEvent> events,
                                           Instant now) {
        List<Document> entries = new ArrayList<>(events.size());
        Map<String, String> trace = currentTraceContext();
        for (IntegrationEvent event : events) {
            if (!event.aggregateId().equals(aggregate.getId())) {
                throw new IllegalArgumentException(event.type() + " is about " + event.aggregateId()
                        + ", not about the aggregate being stored " + aggregate.getId());
            }
            EventEnvelope<IntegrationEvent> envelope = new EventEnvelope<>(UUID.randomUUID().toString(),
                    event.type(), now, aggregate.getId(), aggregate.getVersion(), event);
            entries.add(new Document()
                    .append(OutboxFields.EVENT_ID, envelope.eventId())
                    .append(OutboxFields.TOPIC, event.topic())
                    .append(OutboxFields.KEY, aggregate.getId())
                    .append(OutboxFields.TYPE, event.type())
                    .append(OutboxFields.OCCURRED_AT, java.util.Date.from(now))
                    .append(OutboxFields.ENVELOPE, EventCodec.encode(envelope))
                    .append(OutboxFields.TRACE, new Document(trace)));
        }
        return entries;
    }

    /** The caller's trace context, stored with the event so the relay's publish continues the same trace. */
    private Map<String, String> currentTraceContext() {
        Map<String, String> carrier = new HashMap<>();
        Tracer currentTracer = tracer.getIfAvailable();
        Propagator currentPropagator = propagator.getIfAvailable();
        if (currentTracer != null && currentPropagator != null) {
            Span span = currentTracer.currentSpan();
            if (span != null) {
                currentPropagator.inject(span.context(), carrier, Map::put);
            }
        }
        return carrier;
    }
}
