package org.yrd.platform.commons.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class StrictJsonTypesTest {

    record Dated(LocalDate day, Instant at, String text, int count) {
    }

    private final JsonMapper mapper = strictMapper();

    private static JsonMapper strictMapper() {
        JsonMapper.Builder builder = JsonMapper.builder();
        StrictJsonTypes.customizer().customize(builder);
        return builder.build();
    }

    @Test
    void isoDatesAndTimestampsAreRead() {
        Dated dated = mapper.readValue("{\"day\":\"2019-07-23\",\"at\":\"2019-07-23T02:00:00Z\",\"text\":\"x\",\"count\":1}",
                Dated.class);
        assertThat(dated.at()).isEqualTo(Instant.parse("2019-07-23T02:00:00Z"));
    }

    @Test
    void numbersAreNotDatesTimestampsOrText() {
        assertThatThrownBy(() -> mapper.readValue("{\"day\":-1}", Dated.class)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"at\":-1}", Dated.class)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"at\":1.5}", Dated.class)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"text\":7}", Dated.class)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"count\":\"7\"}", Dated.class)).isInstanceOf(JacksonException.class);
    }
}
