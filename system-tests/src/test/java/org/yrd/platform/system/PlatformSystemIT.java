package org.yrd.platform.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.yrd.platform.events.Topics;
import org.yrd.platform.localstack.LocalStack;
import tools.jackson.databind.JsonNode;

/**
 * The packaged platform, each component in its own process (real Kafka broker, wire-protocol Mongo stores,
 * dev token issuer, three services, gateway), started by the same launcher as the README's run command.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformSystemIT {

    private static LocalStack stack;
    private static PlatformClient client;
    private static String staffToken;

    @BeforeAll
    static void startPlatform() throws Exception {
        stack = SharedPlatform.get();
        client = SharedPlatform.client();
        staffToken = client.token("staff-it", null, "STAFF");
    }

    @Test
    @Order(1)
    void theGatewayIsHealthyAndAcceptsADevToken() throws Exception {
        PlatformClient.Response health = client.get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("UP");
        for (String service : List.of("agreement-service", "news-service", "techtransfer-service")) {
            PlatformClient.Response serviceHealth = client.get(stack.baseUrl(service) + "/actuator/health", null);
            assertThat(serviceHealth.text("status")).as(service).isEqualTo("UP");
        }
        assertThat(client.get("/api/v1/organizations", staffToken).status()).isEqualTo(200);
        assertThat(client.post("/api/v1/organizations", "not-a-jwt", "{}").status()).isEqualTo(401);
        assertThat(client.post("/api/v1/organizations", null, "{}").status()).isEqualTo(401);
    }

    @Test
    @Order(2)
    void anOrganizationRegisteredThroughTheGatewayReachesTechtransfersReadModel() throws Exception {
        String organization = register("Kunshan Precision Optics Co.", "320583");
        String partner = client.token("alice", organization, "PARTNER");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(submitOffer(partner).status()).isEqualTo(201));
        String unknown = client.token("mallory", "org-does-not-exist", "PARTNER");
        PlatformClient.Response refused = submitOffer(unknown);
        assertThat(refused.status()).isEqualTo(400);
    }

    @Test
    @Order(3)
    void writesSucceedWhileTheBrokerIsDownAndTheirEventsArriveOnceAfterARestart() throws Exception {
        stack.stop("kafka");
        List<String> organizations = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            organizations.add(register("Outage Test Enterprise " + i, "330421"));
        }
        stack.stop("agreement-service");
        stack.start("agreement-service");
        stack.start("kafka");

        for (String organization : organizations) {
            String partner = client.token("bob", organization, "PARTNER");
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(submitOffer(partner).status()).isEqualTo(201));
        }
        Map<String, Integer> registeredEvents = countByAggregate(Topics.ORGANIZATIONS, "OrganizationRegistered");
        for (String organization : organizations) {
            assertThat(registeredEvents.get(organization)).as(organization).isEqualTo(1);
        }
    }

    private String register(String englishName, String region) throws Exception {
        PlatformClient.Response created = client.post("/api/v1/organizations", staffToken,
                "{\"name\":{\"en-US\":\"" + englishName + "\"},\"type\":\"ENTERPRISE\",\"region\":\"" + region + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("id");
    }

    private PlatformClient.Response submitOffer(String token) throws Exception {
        return client.post("/api/v1/techtransfer/offers", token, """
                {"title": {"en-US": "Aspheric lens moulding", "zh-CN": "非球面透镜模压成型"},
                 "summary": {"en-US": "Precision glass moulding for camera modules."},
                 "field": "ADVANCED_MANUFACTURING_AUTOMATION", "keywords": ["optics", "moulding"], "trl": 6,
                 "ipStatus": "PATENT_GRANTED", "patentNumbers": ["CN112345678B"], "transferModes": ["LICENSE"],
                 "region": "320583"}""");
    }

    /** Reads the whole topic and counts the events of one type per aggregate id (distinct event ids). */
    private Map<String, Integer> countByAggregate(String topic, String type) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "system-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, java.util.Set<String>> eventIds = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long idleSince = System.currentTimeMillis();
            while (System.currentTimeMillis() - idleSince < 5000) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    idleSince = System.currentTimeMillis();
                    JsonNode envelope = PlatformClient.JSON.readTree(record.value());
                    if (type.equals(envelope.path("type").asString())) {
                        eventIds.computeIfAbsent(envelope.path("aggregateId").asString(), k -> new java.util.HashSet<>())
                                .add(envelope.path("eventId").asString());
                    }
                }
            }
        }
        Map<String, Integer> counts = new HashMap<>();
        eventIds.forEach((aggregate, ids) -> counts.put(aggregate, ids.size()));
        return counts;
    }
}
