package org.yrd.platform.commons.events;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serializer;
import org.yrd.platform.events.EventEnvelope;

/**
 * One value serializer for the platform's producer: the relay sends envelopes already encoded as JSON strings;
 * the dead-letter publisher sends either the original bytes (when they could not be deserialized) or the
 * decoded envelope (when processing failed).
 */
public class PlatformValueSerializer implements Serializer<Object> {

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null) {
            return null;
        }
        if (data instanceof byte[] bytes) {
            return bytes;
        }
        if (data instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (data instanceof EventEnvelope<?> envelope) {
            return EventCodec.encode(envelope).getBytes(StandardCharsets.UTF_8);
        }
        throw new IllegalArgumentException("cannot serialize a " + data.getClass().getSimpleName() + " for " + topic);
    }
}
