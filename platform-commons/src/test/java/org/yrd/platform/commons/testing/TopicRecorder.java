package org.yrd.platform.commons.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.yrd.platform.commons.events.EventCodec;
import org.yrd.platform.events.EventEnvelope;
import tools.jackson.databind.JsonNode;

/**
 * Records every envelope published on some topics, from the earliest offset, in a background consumer: tests
 * assert on what really reached the broker.
 */
public final class TopicRecorder implements AutoCloseable {

    public record Recorded(String topic, String key, EventEnvelope<JsonNode> envelope) {
    }

    private final List<Recorded> records = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    public TopicRecorder(String bootstrapServers, String... topics) {
        Properties props = new Properties();
        props.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "recorder-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"));
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(topics));
        thread = new Thread(() -> {
            try (consumer) {
                while (running) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                        try {
                            records.add(new Recorded(record.topic(), record.key(), EventCodec.decode(record.value())));
                        } catch (RuntimeException malformed) {
                            records.add(new Recorded(record.topic(), record.key(), null));
                        }
                    }
                }
            }
        }, "topic-recorder");
        thread.setDaemon(true);
        thread.start();
    }

    public List<Recorded> all() {
        return List.copyOf(records);
    }

    /** Envelopes of one type about one aggregate, in arrival order. */
    public List<EventEnvelope<JsonNode>> of(String type, String aggregateId) {
        return records.stream().filter(r -> r.envelope() != null && r.envelope().type().equals(type)
                && r.envelope().aggregateId().equals(aggregateId)).map(Recorded::envelope).toList();
    }

    public List<EventEnvelope<JsonNode>> about(String aggregateId) {
        return records.stream().filter(r -> r.envelope() != null && r.envelope().aggregateId().equals(aggregateId))
                .map(Recorded::envelope).toList();
    }

    public static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
