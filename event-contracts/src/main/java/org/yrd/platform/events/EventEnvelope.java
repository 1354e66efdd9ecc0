package org.yrd.platform.events;

import java.time.Instant;
import java.util.Objects;

/**
 * The JSON envelope of every published event (API.md): the record key on the topic is {@code aggregateId}.
 *
 * @param <P> the payload: one of the event records of this module, or a JSON tree on the consuming side
 */
public record EventEnvelope<P>(
        String eventId,
        String type,
        Instant occurredAt,
        String aggregateId,
        long aggregateVersion,
        P payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(aggregateId, "aggregateId");
    }

    public <Q> EventEnvelope<Q> withPayload(Q newPayload) {
        return new EventEnvelope<>(eventId, type, occurredAt, aggregateId, aggregateVersion, newPayload);
    }
}
