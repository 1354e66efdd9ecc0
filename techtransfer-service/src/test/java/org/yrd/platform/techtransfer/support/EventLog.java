package org.yrd.platform.techtransfer.support;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.yrd.platform.commons.events.EventCodec;
import org.yrd.platform.events.EventEnvelope;
import org.yrd.platform.events.Topics;
import tools.jackson.databind.JsonNode;

/**
 * Reads what the service really published on its three topics, from the beginning, with a plain consumer
 * (assigned partitions, no group, so no rebalance wait). One per test JVM; tests run one at a time.
 */
public final class EventLog {

    public record Published(String topic, String key, EventEnvelope<JsonNode> envelope) {
    }

    private static EventLog instance;

    private final KafkaConsumer<String, String> consumer;
    private final List<Published> seen = new ArrayList<>();

    private EventLog(String brokers) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.TECHTRANSFER_OFFERS, Topics.TECHTRANSFER_REQUESTS,
                Topics.TECHTRANSFER_MATCHES)) {
            consumer.partitionsFor(topic, Duration.ofSeconds(10))
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    static synchronized EventLog get(String brokers) {
        if (instance == null) {
            instance = new EventLog(brokers);
        }
        return instance;
    }

    private synchronized void poll() {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
            seen.add(new Published(record.topic(), record.key(),
                    EventCodec.decode(record.value().getBytes(StandardCharsets.UTF_8))));
        }
    }

    /** Everything published so far about one aggregate, in order. */
    public synchronized List<Published> about(String aggregateId) {
        poll();
        return seen.stream().filter(p -> p.envelope().aggregateId().equals(aggregateId)).toList();
    }

    /** Waits until an event of this type about this aggregate was published, and returns it. */
    public Published awaitEvent(String aggregateId, String type) {
        Predicate<Published> wanted = p -> p.envelope().type().equals(type);
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> about(aggregateId).stream().filter(wanted).findFirst().orElse(null),
                        java.util.Objects::nonNull);
    }

    /** The types published about an aggregate after giving the relay a moment to send anything pending. */
    public List<String> typesAbout(String aggregateId) {
        return about(aggregateId).stream().map(p -> p.envelope().type()).toList();
    }
}
