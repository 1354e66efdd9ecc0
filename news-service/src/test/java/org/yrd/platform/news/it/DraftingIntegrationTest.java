package org.yrd.platform.news.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.yrd.platform.commons.events.EventCodec;
import org.yrd.platform.events.EventEnvelope;
import org.yrd.platform.events.Topics;
import org.yrd.platform.events.agreement.AgreementSigned;
import org.yrd.platform.events.news.NewsPublished;
import org.yrd.platform.events.techtransfer.DealClosed;
import org.yrd.platform.news.article.ArticleSource;
import org.yrd.platform.news.article.SourceType;
import tools.jackson.databind.JsonNode;

/**
 * Drafts from events on the real broker, exactly once however often the event arrives, and NewsPublished on
 * news.v1 when an article is published.
 */
class DraftingIntegrationTest extends NewsIntegrationTestSupport {

    private static final String GROUP = "news-service";
    private static final List<String> LISTENERS = List.of("news-agreement-drafts", "news-deal-drafts");

    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    MeterRegistry registry;

    private static EventEnvelope<JsonNode> sample(String path) throws Exception {
        try (InputStream in = DraftingIntegrationTest.class.getClassLoader().getResourceAsStream("event-samples/" + path)) {
            return EventCodec.decode(in.readAllBytes());
        }
    }

    private static String agreementSigned(String eventId, String agreementId) throws Exception {
        AgreementSigned sample = EventCodec.payload(sample("agreements.v1/AgreementSigned.json"), AgreementSigned.class);
        AgreementSigned signed = new AgreementSigned(agreementId, sample.title(), sample.agreementType(),
                sample.parties(), sample.cooperationAreas(), sample.signatories(), sample.signedAt(), sample.place(),
                sample.effectiveFrom(), sample.effectiveTo(), sample.branchCenter());
        return EventCodec.encode(new EventEnvelope<>(eventId, "AgreementSigned", Instant.now(), agreementId, 2, signed));
    }

    private void send(String topic, int partition, String key, String json) throws Exception {
        kafka.send(new ProducerRecord<>(topic, partition, key, json)).get();
    }

    private long articlesFrom(SourceType type, String id) {
        return mongo.count(Query.query(Criteria.where("sourceKey").is(new ArticleSource(type, id).key())), "articles");
    }

    private double duplicates(String source) {
        var counter = registry.find("news.drafts.duplicates").tag("source", source).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aSignedAgreementIsDraftedOnceHoweverOftenItArrivesAndWhenTheTopicIsReplayed() throws Exception {
        String agreementId = unique("agr");
        String eventId = UUID.randomUUID().toString();
        String json = agreementSigned(eventId, agreementId);
        String articleId = new ArticleSource(SourceType.AGREEMENT_SIGNED, agreementId).articleId();
        double duplicatesBefore = duplicates("agreement");

        // the same envelope twice, then the same fact re-published under a new eventId, then a marker: one
        // partition, so when the marker's draft exists, everything before it was processed
        send(Topics.AGREEMENTS, 1, agreementId, json);
        send(Topics.AGREEMENTS, 1, agreementId, json);
        send(Topics.AGREEMENTS, 1, agreementId, agreementSigned(UUID.randomUUID().toString(), agreementId));
        String markerId = unique("agr-marker");
        send(Topics.AGREEMENTS, 1, markerId, agreementSigned(UUID.randomUUID().toString(), markerId));
        await().atMost(Duration.ofSeconds(30)).until(() -> articlesFrom(SourceType.AGREEMENT_SIGNED, markerId) == 1);

        assertThat(articlesFrom(SourceType.AGREEMENT_SIGNED, agreementId)).isEqualTo(1);
        assertThat(duplicates("agreement")).isEqualTo(duplicatesBefore + 2);

        JsonNode draft = read(mvc.perform(asStaff(get("/api/v1/news/" + articleId))).andExpect(status().isOk()));
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("category").asString()).isEqualTo("REGIONAL_COOPERATION");
        assertThat(draft.get("source").toString()).isEqualTo("{\"type\":\"AGREEMENT_SIGNED\",\"id\":\"" + agreementId + "\"}");
        assertThat(draft.get("regions").toString()).isEqualTo("[\"310115\",\"320509\"]");
        assertThat(draft.get("title").get("zh-CN").asString()).contains("国家技术转移东部中心汾湖分中心");
        assertThat(draft.get("title").get("en-US").asString()).contains("NTME Fenhu Branch Center");
        assertThat(draft.get("summary").get("en-US").asString()).contains("Qingpu, Shanghai", "23 July 2019",
                "National Technology Transfer Eastern Center");
        assertThat(draft.get("languages").size()).isEqualTo(2);
        problem(get("/api/v1/news/" + articleId), 404); // a draft: not public

        // replay the whole topic from the start through the same consumer group
        double beforeReplay = duplicates("agreement");
        long processedBefore = mongo.getCollection("processed_events").countDocuments();
        replayFromStart(Topics.AGREEMENTS);

        assertThat(articlesFrom(SourceType.AGREEMENT_SIGNED, agreementId)).isEqualTo(1);
        assertThat(articlesFrom(SourceType.AGREEMENT_SIGNED, markerId)).isEqualTo(1);
        assertThat(duplicates("agreement")).isGreaterThanOrEqualTo(beforeReplay + 4);
        assertThat(mongo.getCollection("processed_events").countDocuments()).isEqualTo(processedBefore);
        assertThat(read(mvc.perform(asStaff(get("/api/v1/news/" + articleId)))).get("version").asLong()).isEqualTo(1);
    }

    @Test
    void aClosedDealIsDraftedAsASuccessStoryWithoutItsValue() throws Exception {
        EventEnvelope<JsonNode> envelope = sample("techtransfer.matches.v1/DealClosed.json");
        DealClosed sample = EventCodec.payload(envelope, DealClosed.class);
        String dealId = unique("deal");
        String matchId = unique("m");
        DealClosed closed = new DealClosed(matchId, dealId, sample.offerId(), sample.requestId(),
                sample.technologyTitle(), sample.field(), sample.offerOrganization(), sample.requestOrganization(),
                sample.mode(), sample.value(), sample.signedAt());
        String json = EventCodec.encode(new EventEnvelope<>(UUID.randomUUID().toString(), "DealClosed", Instant.now(),
                matchId, 3, closed));
        // another type on the same topic is not for news: it is skipped
        send(Topics.TECHTRANSFER_MATCHES, 0, matchId, EventCodec.encode(new EventEnvelope<>(UUID.randomUUID().toString(),
                "MatchAccepted", Instant.now(), matchId, 2,
                new org.yrd.platform.events.techtransfer.MatchAccepted(matchId, "req-1", "off-1"))));
        send(Topics.TECHTRANSFER_MATCHES, 0, matchId, json);
        send(Topics.TECHTRANSFER_MATCHES, 0, matchId, json);

        String articleId = new ArticleSource(SourceType.DEAL_CLOSED, dealId).articleId();
        await().atMost(Duration.ofSeconds(30)).until(() -> articlesFrom(SourceType.DEAL_CLOSED, dealId) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> duplicates("deal") >= 1);
        assertThat(articlesFrom(SourceType.DEAL_CLOSED, dealId)).isEqualTo(1);

        String draft = mvc.perform(asStaff(get("/api/v1/news/" + articleId))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode article = JSON.readTree(draft);
        assertThat(article.get("category").asString()).isEqualTo("SUCCESS_STORY");
        assertThat(article.get("source").get("type").asString()).isEqualTo("DEAL_CLOSED");
        assertThat(article.get("regions").toString()).isEqualTo("[\"310112\",\"320509\"]");
        assertThat(article.get("title").get("en-US").asString()).contains("Solid-state battery electrolyte",
                "Shanghai Jiao Tong University", "Hengli Group", "licence");
        assertThat(article.get("title").get("zh-CN").asString()).contains("固态电池电解质", "上海交通大学", "恒力集团", "许可");
        assertThat(draft).doesNotContain("1500000", "1,500,000", "CNY");
        assertThat(registry.find("news.articles.drafted").tags("origin", "event", "category", "SUCCESS_STORY")
                .counter().count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void anAgreementPayloadThatCannotBeDraftedGoesToTheDeadLetterTopicAndTheNextOneIsStillDrafted() throws Exception {
        String brokenId = unique("agr-broken");
        String broken = EventCodec.encode(new EventEnvelope<>(UUID.randomUUID().toString(), "AgreementSigned",
                Instant.now(), brokenId, 2, Map.of("agreementId", brokenId, "title", Map.of("en-US", "No parties"),
                        "parties", List.of())));
        String goodId = unique("agr-good");
        send(Topics.AGREEMENTS, 2, brokenId, broken);
        send(Topics.AGREEMENTS, 2, goodId, agreementSigned(UUID.randomUUID().toString(), goodId));

        await().atMost(Duration.ofSeconds(30)).until(() -> articlesFrom(SourceType.AGREEMENT_SIGNED, goodId) == 1);
        assertThat(articlesFrom(SourceType.AGREEMENT_SIGNED, brokenId)).isZero();
        try (Consumer<String, String> consumer = consumer("dlt")) {
            broker.consumeFromAnEmbeddedTopic(consumer, Topics.deadLetter(Topics.AGREEMENTS));
            ConsumerRecord<String, String> dead = await().atMost(Duration.ofSeconds(30))
                    .until(() -> find(consumer, brokenId), r -> r != null);
            assertThat(dead.value()).contains(brokenId);
        }
    }

    @Test
    void publishingEmitsNewsPublishedOnTheNewsTopicKeyedByTheArticle() throws Exception {
        JsonNode created = create(Map.of("title", Map.of("zh-CN", "推进一体化 聚焦高质量",
                "en-US", unique("Advancing integration"))));
        String id = created.get("id").asString();
        try (Consumer<String, String> consumer = consumer("news")) {
            broker.consumeFromAnEmbeddedTopic(consumer, Topics.NEWS);
            JsonNode published = read(mvc.perform(asStaff(post("/api/v1/news/" + id + "/publish")))
                    .andExpect(status().isOk()));

            ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(30))
                    .until(() -> find(consumer, id), r -> r != null);
            EventEnvelope<JsonNode> envelope = EventCodec.decode(record.value().getBytes(StandardCharsets.UTF_8));
            assertThat(envelope.type()).isEqualTo("NewsPublished");
            assertThat(envelope.aggregateId()).isEqualTo(id);
            assertThat(envelope.aggregateVersion()).isEqualTo(2);
            NewsPublished event = EventCodec.payload(envelope, NewsPublished.class);
            assertThat(event.slug()).isEqualTo(created.get("slug").asString());
            assertThat(event.title()).containsEntry("zh-CN", "推进一体化 聚焦高质量");
            assertThat(event.category()).isEqualTo("REGIONAL_COOPERATION");
            assertThat(event.regions()).containsExactly("310118", "320509", "330421");
            assertThat(event.publishedAt().toString()).isEqualTo(published.get("publishedAt").asString());
        }
        // nothing else is published for this article: creation and archiving emit no event
        mvc.perform(asStaff(post("/api/v1/news/" + id + "/archive"))).andExpect(status().isOk());
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            org.bson.Document stored = mongo.findById(id, org.bson.Document.class, "articles");
            return stored != null && Boolean.FALSE.equals(stored.getBoolean("outboxPending"));
        });
    }

    /** Stops the group's consumers, moves its offsets on {@code topic} back to 0, restarts, waits for the end. */
    private void replayFromStart(String topic) throws Exception {
        LISTENERS.forEach(id -> listeners.getListenerContainer(id).stop());
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", broker.getBrokersAsString()))) {
            Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int partition = 0; partition < 3; partition++) {
                start.put(new TopicPartition(topic, partition), new OffsetAndMetadata(0));
                latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
            }
            // the group must be empty first: the stopped consumers leave it
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
                admin.alterConsumerGroupOffsets(GROUP, start).all().get();
                return true;
            });
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));

            LISTENERS.forEach(id -> listeners.getListenerContainer(id).start());
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
                return ends.entrySet().stream().allMatch(end -> committed.get(end.getKey()) != null
                        && committed.get(end.getKey()).offset() >= end.getValue());
            });
        } finally {
            LISTENERS.forEach(id -> {
                if (!listeners.getListenerContainer(id).isRunning()) {
                    listeners.getListenerContainer(id).start();
                }
            });
        }
    }

    private Consumer<String, String> consumer(String group) {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, group + UUID.randomUUID(), false);
        props.put("auto.offset.reset", "earliest");
        return new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(), new StringDeserializer())
                .createConsumer();
    }

    private final Map<String, ConsumerRecord<String, String>> seen = new ConcurrentHashMap<>();

    private ConsumerRecord<String, String> find(Consumer<String, String> consumer, String key) {
        consumer.poll(Duration.ofMillis(500)).forEach(r -> {
            if (r.key() != null) {
                seen.put(r.topic() + "/" + r.key(), r);
            }
        });
        return seen.values().stream().filter(r -> key.equals(r.key())).findFirst().orElse(null);
    }
}
