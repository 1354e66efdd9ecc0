package org.yrd.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventTypesTest {

    @Test
    void everyTypeHasASampleNamingItsTypeAndItsRecordIsOnItsTopic() throws IOException {
        for (EventTypes.Descriptor descriptor : EventTypes.ALL) {
            String path = EventTypes.samplePath(descriptor);
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
                assertThat(in).as("sample %s", path).isNotNull();
                String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(json).containsPattern("\"type\"\\s*:\\s*\"" + descriptor.type() + "\"");
            }
            assertThat(descriptor.payloadClass().isRecord()).isTrue();
            assertThat(Topics.ALL).contains(descriptor.topic());
        }
    }

    @Test
    void typeNamesAreUniqueAndFindable() {
        Set<String> seen = new HashSet<>();
        for (EventTypes.Descriptor descriptor : EventTypes.ALL) {
            assertThat(seen.add(descriptor.type())).as(descriptor.type()).isTrue();
            assertThat(EventTypes.find(descriptor.type())).contains(descriptor);
        }
        assertThat(EventTypes.find("NoSuchEvent")).isEmpty();
    }

    @Test
    void deadLetterTopicsFollowTheConvention() {
        assertThat(Topics.deadLetter(Topics.AGREEMENTS)).isEqualTo("agreements.v1.DLT");
    }
}
