package org.yrd.platform.commons.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yrd.platform.commons.events.EventCodec;
import org.yrd.platform.commons.outbox.AggregateStore;
import org.yrd.platform.commons.outbox.OutboxProperties;
import org.yrd.platform.commons.outbox.OutboxRelay;
import org.yrd.platform.commons.testing.PlatformTestProperties;
import org.yrd.platform.events.EventEnvelope;
import org.yrd.platform.events.Topics;
import org.yrd.platform.events.organization.OrganizationRegistered;

class OutboxAndConsumerIntegrationTest extends CommonsIntegrationTestBase {

    @Autowired
    AggregateStore store;
    @Autowired
    OutboxRelay relay;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    WidgetEffects effects;
    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry registry;

    @Test
    void aStoredChangeIsPublishedKeyedByAggregateAndConsumedOnceInOrder() {
        Widget widget = new Widget(UUID.randomUUID().toString(), "first");
        store.insert(widget, List.of(widget.registered()));
        for (int i = 0; i < 4; i++) {
            long expected = widget.getVersion();
            widget.rename("name " + i);
            store.update(widget, expected, List.of(widget.updated()));
        }
        assertThat(widget.getVersion()).isEqualTo(5);

        await().atMost(Duration.ofSeconds(20)).until(() -> effects.effectsFor(widget.getId()) == 5);
        assertThat(mongo.find(org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("aggregateId").is(widget.getId()))
                .with(org.springframework.data.domain.Sort.by("_id")), Document.class, "effects"))
                .extracting(d -> d.getLong("version")).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(registry.get("events.propagation").tag("topic", Topics.ORGANIZATIONS).timer().count())
                .isGreaterThanOrEqualTo(5);

        // the outbox is drained: no pending events stay in the document
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Document stored = mongo.findById(widget.getId(), Document.class, "widgets");
            assertThat(stored.getList("outbox", Document.class)).isEmpty();
            assertThat(stored.getBoolean("outboxPending")).isFalse();
        });
    }

    @Test
    void theRecordOnTheTopicIsTheEnvelopeKeyedByAggregateId() {
        Widget widget = new Widget(UUID.randomUUID().toString(), "keyed");
        store.insert(widget, List.of(widget.registered()));
        try (Consumer<String, String> consumer = consumer("envelope-check")) {
            broker.consumeFromAnEmbeddedTopic(consumer, Topics.ORGANIZATIONS);
            ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(20))
                    .until(() -> find(consumer, widget.getId()), r -> r != null);
            assertThat(record.key()).isEqualTo(widget.getId());
            EventEnvelope<tools.jackson.databind.JsonNode> envelope =
                    EventCodec.decode(record.value().getBytes(StandardCharsets.UTF_8));
            assertThat(envelope.type()).isEqualTo("OrganizationRegistered");
            assertThat(envelope.aggregateVersion()).isEqualTo(1);
            assertThat(EventCodec.payload(envelope, OrganizationRegistered.class).name()).containsEntry("en-US", "keyed");
        }
    }

    @Test
    void aStaleVersionIsRefusedAndStoresNoEvent() {
        Widget widget = new Widget(UUID.randomUUID().toString(), "contended");
        store.insert(widget, List.of());
        Widget first = mongo.findById(widget.getId(), Widget.class);
        Widget second = mongo.findById(widget.getId(), Widget.class);
        first.rename("first writer");
        store.update(first, 1, List.of(first.updated()));
        second.rename("second writer");
        assertThatThrownBy(() -> store.update(second, 1, List.of(second.updated())))
                .isInstanceOf(OptimisticLockingFailureException.class);
        Document stored = mongo.findById(widget.getId(), Document.class, "widgets");
        assertThat(stored.getString("name")).isEqualTo("first writer");
        assertThat(stored.getLong("version")).isEqualTo(2L);
        await().atMost(Duration.ofSeconds(20)).until(() -> effects.effectsFor(widget.getId()) == 1);
    }

    @Test
    void nullFieldsAreClearedOnUpdate() {
        Widget widget = new Widget(UUID.randomUUID().toString(), "with note");
        widget.setNote("temporary");
        store.insert(widget, List.of());
        widget.setNote(null);
        store.update(widget, 1, List.of());
        assertThat(mongo.findById(widget.getId(), Document.class, "widgets")).doesNotContainKey("note");
    }

    @Test
    void theSameEventDeliveredTwiceHasOneEffect() throws Exception {
        String aggregateId = UUID.randomUUID().toString();
        String json = EventCodec.encode(new EventEnvelope<>(UUID.randomUUID().toString(),
                "OrganizationRegistered", Instant.now(), aggregateId, 1,
                new OrganizationRegistered(aggregateId, Map.of("zh-CN", "重复"), "ENTERPRISE", "310118")));
        String markerId = aggregateId + "-marker";
        String marker = EventCodec.encode(new EventEnvelope<>(UUID.randomUUID().toString(),
                "OrganizationRegistered", Instant.now(), markerId, 1,
                new OrganizationRegistered(markerId, Map.of("en-US", "marker"), "ENTERPRISE", "310118")));
        // one partition: when the marker's effect exists, both copies before it were processed
        kafka.send(new ProducerRecord<>(Topics.ORGANIZATIONS, 1, aggregateId, json)).get();
        kafka.send(new ProducerRecord<>(Topics.ORGANIZATIONS, 1, aggregateId, json)).get();
        kafka.send(new ProducerRecord<>(Topics.ORGANIZATIONS, 1, markerId, marker)).get();

        await().atMost(Duration.ofSeconds(20)).until(() -> effects.effectsFor(markerId) == 1);
        assertThat(effects.effectsFor(aggregateId)).isEqualTo(1);
    }

    @Test
    void aMalformedRecordAndAFailingRecordGoToTheDeadLetterTopicAndTheNextRecordIsStillConsumed() throws Exception {
        String key = "poison-" + UUID.randomUUID();
        kafka.send(new ProducerRecord<>(Topics.ORGANIZATIONS, 0, key, "{this is not json")).get();
        String failingId = "fail-" + UUID.randomUUID();
        EventEnvelope<OrganizationRegistered> failing = new EventEnvelope<>(UUID.randomUUID().toString(),
                "OrganizationRegistered", Instant.now(), failingId, 1,
                new OrganizationRegistered(failingId, Map.of("en-US", "FAIL"), "ENTERPRISE", "310118"));
        kafka.send(new ProducerRecord<>(Topics.ORGANIZATIONS, 0, failingId, EventCodec.encode(failing))).get();
        String goodId = "good-" + UUID.randomUUID();
        EventEnvelope<OrganizationRegistered> good = new EventEnvelope<>(UUID.randomUUID().toString(),
                "OrganizationRegistered", Instant.now(), goodId, 1,
                new OrganizationRegistered(goodId, Map.of("en-US", "good"), "ENTERPRISE", "310118"));
        kafka.send(new ProducerRecord<>(Topics.ORGANIZATIONS, 0, goodId, EventCodec.encode(good))).get();

        await().atMost(Duration.ofSeconds(20)).until(() -> effects.effectsFor(goodId) == 1);
        assertThat(effects.effectsFor(failingId)).isZero();

        try (Consumer<String, String> consumer = consumer("dlt-check")) {
            broker.consumeFromAnEmbeddedTopic(consumer, Topics.deadLetter(Topics.ORGANIZATIONS));
            ConsumerRecord<String, String> poison = await().atMost(Duration.ofSeconds(20))
                    .until(() -> find(consumer, key), r -> r != null);
            assertThat(poison.value()).isEqualTo("{this is not json");
            assertThat(header(poison, "kafka_dlt-exception-fqcn")).endsWith("DeserializationException");
            assertThat(header(poison, "kafka_dlt-exception-stacktrace")).contains("not valid JSON");
            assertThat(header(poison, "kafka_dlt-original-topic")).isEqualTo(Topics.ORGANIZATIONS);
            ConsumerRecord<String, String> refused = await().atMost(Duration.ofSeconds(20))
                    .until(() -> find(consumer, failingId), r -> r != null);
            assertThat(header(refused, "kafka_dlt-exception-message")).contains("processing refused");
        }
    }

    @Test
    void eventsWaitInTheStoreWhileTheRelayIsStoppedAndTheBacklogGaugeShowsThem() {
        relay.stop();
        try {
            Widget widget = new Widget(UUID.randomUUID().toString(), "waiting");
            store.insert(widget, List.of(widget.registered()));
            widget.rename("still waiting");
            store.update(widget, 1, List.of(widget.updated()));
            relay.refreshMetrics();
            assertThat(relay.backlog()).isGreaterThanOrEqualTo(2);
            assertThat(effects.effectsFor(widget.getId())).isZero();
            relay.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> effects.effectsFor(widget.getId()) == 2);
            relay.refreshMetrics();
            assertThat(relay.backlog()).isZero();
        } finally {
            if (!relay.isRunning()) {
                relay.start();
            }
        }
    }

    /**
     * A write of another instance announces nothing to this relay: its periodic search of the collection finds the
     * events all the same (this instance's own writes are claimed by id).
     */
    @Test
    void eventsStoredByAnotherInstanceArePublishedByThisOnesSearch() {
        OutboxRelay otherInstancesRelay = new OutboxRelay(mongo, kafka,
                CircuitBreaker.ofDefaults("other-instance"),
                new OutboxProperties(false, 0, null, null, null, null),
                Clock.systemUTC(), new SimpleMeterRegistry(),
                emptyProvider(), emptyProvider());
        AggregateStore otherInstance = new AggregateStore(mongo, Clock.systemUTC(), otherInstancesRelay,
                emptyProvider(), emptyProvider());
        Widget widget = new Widget(UUID.randomUUID().toString(), "stored elsewhere");
        otherInstance.insert(widget, List.of(widget.registered()));
        widget.rename("changed elsewhere");
        otherInstance.update(widget, 1, List.of(widget.updated()));

        await().atMost(Duration.ofSeconds(20)).until(() -> effects.effectsFor(widget.getId()) == 2);
    }

    /** Neither tracer nor propagator: the other instance does not trace. */
    @SuppressWarnings("unchecked")
    private static <T> ObjectProvider<T> emptyProvider() {
        return (ObjectProvider<T>)
                new StaticListableBeanFactory().getBeanProvider(Void.class);
    }

    private Consumer<String, String> consumer(String group) {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, group + UUID.randomUUID(), false);
        props.put("auto.offset.reset", "earliest");
        return new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(), new StringDeserializer())
                .createConsumer();
    }

    private final Map<String, ConsumerRecord<String, String>> seen = new java.util.concurrent.ConcurrentHashMap<>();

    private ConsumerRecord<String, String> find(Consumer<String, String> consumer, String key) {
        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
        records.forEach(r -> {
            if (r.key() != null) {
                seen.put(r.topic() + "/" + r.key(), r);
            }
        });
        return seen.values().stream().filter(r -> key.equals(r.key())).findFirst().orElse(null);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
