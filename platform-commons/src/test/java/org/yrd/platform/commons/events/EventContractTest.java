package org.yrd.platform.commons.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yrd.platform.events.EventEnvelope;
import org.yrd.platform.events.EventTypes;
import tools.jackson.databind.JsonNode;

/** Producer serialization and consumer deserialization agree with every JSON sample in event-contracts. */
class EventContractTest {

    static Stream<EventTypes.Descriptor> descriptors() {
        return EventTypes.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("descriptors")
    void sampleDecodesIntoItsRecordAndEncodesBackToTheSameJson(EventTypes.Descriptor descriptor) throws IOException {
        byte[] sample = sample(descriptor);
        EventEnvelope<JsonNode> decoded = EventCodec.decode(sample);
        assertThat(decoded.type()).isEqualTo(descriptor.type());
        Object payload = EventCodec.typedPayload(decoded);
        assertThat(payload).isInstanceOf(descriptor.payloadClass());

        String reencoded = EventCodec.encode(decoded.withPayload(payload));
        assertThat(EventCodec.readTree(reencoded)).isEqualTo(EventCodec.readTree(new String(sample,
                StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @MethodSource("descriptors")
    void everyRecordComponentIsPresentInTheSample(EventTypes.Descriptor descriptor) throws IOException {
        JsonNode payload = EventCodec.decode(sample(descriptor)).payload();
        for (var component : descriptor.payloadClass().getRecordComponents()) {
            assertThat(payload.has(component.getName())).as("%s.%s", descriptor.type(), component.getName()).isTrue();
        }
    }

    private static byte[] sample(EventTypes.Descriptor descriptor) throws IOException {
        try (InputStream in = EventContractTest.class.getClassLoader()
                .getResourceAsStream(EventTypes.samplePath(descriptor))) {
            assertThat(in).as(EventTypes.samplePath(descriptor)).isNotNull();
            return in.readAllBytes();
        }
    }
}
