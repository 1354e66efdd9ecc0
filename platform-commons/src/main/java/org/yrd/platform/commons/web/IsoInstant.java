package org.yrd.platform.commons.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * An instant in a request body: an ISO-8601 string such as {@code 2019-07-23T02:00:00Z}, never an epoch number
 * (the java.time deserializer reads numbers as epoch seconds whatever the coercion settings). Use with
 * {@code @JsonDeserialize(using = IsoInstant.class)}.
 */
public class IsoInstant extends ValueDeserializer<Instant> {

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            return (Instant) context.handleUnexpectedToken(Instant.class, parser);
        }
        try {
            return Instant.parse(parser.getString());
        } catch (DateTimeParseException e) {
            return (Instant) context.handleWeirdStringValue(Instant.class, parser.getString(),
                    "not an ISO-8601 timestamp like 2019-07-23T02:00:00Z");
        }
    }
}
