package org.yrd.platform.commons.events;

import java.nio.charset.StandardCharsets;
import org.yrd.platform.events.EventEnvelope;
import org.yrd.platform.events.EventTypes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON codec for event envelopes, shared by producers (outbox) and consumers, so both sides
 * agree with the samples in event-contracts. Tolerant reader: unknown fields are ignored.
 */
public final class EventCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventCodec() {
    }

    public static String encode(EventEnvelope<?> envelope) {
        return MAPPER.writeValueAsString(envelope);
    }

    public static String encodePayload(Object payload) {
        return MAPPER.writeValueAsString(payload);
    }

    /** Parses an envelope, keeping the payload as a JSON tree; a malformed record fails here. */
    public static EventEnvelope<JsonNode> decode(byte[] json) {
        try {
            JsonNode root = MAPPER.readTree(new String(json, StandardCharsets.UTF_8));
            if (root == null || !root.isObject()) {
                throw new MalformedEventException("event is not a JSON object");
            }
            String eventId = requiredText(root, "eventId");
            String type = requiredText(root, "type");
            String aggregateId = requiredText(root, "aggregateId");
            JsonNode occurredAt = root.get("occurredAt");
            if (occurredAt == null || occurredAt.isNull()) {
                throw new MalformedEventException("event has no occurredAt");
            }
            JsonNode payload = root.get("payload");
            if (payload == null || !payload.isObject()) {
                throw new MalformedEventException("event has no payload object");
            }
            return new EventEnvelope<>(eventId, type,
                    MAPPER.treeToValue(occurredAt, java.time.Instant.class), aggregateId,
                    root.path("aggregateVersion").asLong(0), payload);
        } catch (JacksonException e) {
            throw new MalformedEventException("event is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Binds the payload tree to the record its type names. */
    public static <P> P payload(EventEnvelope<JsonNode> envelope, Class<P> payloadClass) {
        try {
            return MAPPER.treeToValue(envelope.payload(), payloadClass);
        } catch (JacksonException e) {
            throw new MalformedEventException(
                    "payload of " + envelope.type() + " " + envelope.eventId() + " does not bind: " + e.getOriginalMessage());
        }
    }

    /** Binds the payload to the record registered for the envelope's type in event-contracts. */
    public static Object typedPayload(EventEnvelope<JsonNode> envelope) {
        EventTypes.Descriptor descriptor = EventTypes.find(envelope.type())
                .orElseThrow(() -> new MalformedEventException("unknown event type " + envelope.type()));
        return payload(envelope, descriptor.payloadClass());
    }

    public static JsonNode readTree(String json) {
        return MAPPER.readTree(json);
    }

    private static String requiredText(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isString() || node.asString().isBlank()) {
            throw new MalformedEventException("event has no " + field);
        }
        return node.asString();
    }
}
