package org.yrd.platform.commons.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.RecordInterceptor;
import org.yrd.platform.events.EventEnvelope;

/**
 * Records event propagation latency: from the write that stored the event ({@code occurredAt}, set in the
 * same document write as the state change) to the moment a consumer receives it.
 */
public class EventPropagationTimer implements RecordInterceptor<Object, Object> {

    private final MeterRegistry registry;
    private final Clock clock;

    public EventPropagationTimer(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
                                                    Consumer<Object, Object> consumer) {
        if (record.value() instanceof EventEnvelope<?> envelope) {
            Duration latency = Duration.between(envelope.occurredAt(), clock.instant());
            if (!latency.isNegative()) {
                Timer.builder("events.propagation")
                        .description("time from the write that stored an event to its arrival at a consumer")
                        .tag("topic", record.topic())
                        .publishPercentileHistogram()
                        .register(registry)
                        .record(latency);
            }
        }
        return record;
    }
}
