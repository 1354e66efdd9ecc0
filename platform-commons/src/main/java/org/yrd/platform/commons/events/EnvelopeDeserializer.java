package org.yrd.platform.commons.events;

import org.apache.kafka.common.serialization.Deserializer;
import org.yrd.platform.events.EventEnvelope;
import tools.jackson.databind.JsonNode;

/**
 * Kafka value deserializer for event envelopes. It sits behind Spring Kafka's ErrorHandlingDeserializer, so a
 * malformed record becomes a DeserializationException routed to the dead-letter topic instead of blocking the
 * partition.
 */
public class EnvelopeDeserializer implements Deserializer<EventEnvelope<JsonNode>> {

    @Override
    public EventEnvelope<JsonNode> deserialize(String topic, byte[] data) {
        if (data == null) {
            throw new MalformedEventException("record on " + topic + " has no value");
        }
        return EventCodec.decode(data);
    }
}
