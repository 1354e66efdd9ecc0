package org.yrd.platform.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yrd.platform.localstack.Components.KAFKA;
import static org.yrd.platform.localstack.Components.MONGO_NEWS;
import static org.yrd.platform.localstack.Components.TOKEN_ISSUER;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the real broker, one Mongo store and the token issuer through the {@link LocalStack} API, each in its own
 * process, and checks each does its job. Needs {@code local-stack/kafka-broker} packaged first.
 */
class LocalStackInfrastructureTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dataDir;

    @Test
    void startsBrokerStoreAndIssuerThatWorkAndLeavesNoProcessBehind() throws Exception {
        Path repoRoot = TestRepo.root();
        TestRepo.requireBrokerPackaged(repoRoot);
        StackConfig config = StackConfig.defaults(repoRoot)
                .withFreePorts()
                .withDataDir(dataDir)
                .withEnv(Map.of()) // a developer's KAFKA_BOOTSTRAP_SERVERS must not turn the broker external
                .only(Set.of(KAFKA, MONGO_NEWS, TOKEN_ISSUER));
        List<Long> pids = new ArrayList<>();

        try (LocalStack stack = LocalStack.start(config)) {
            assertThat(stack.components()).containsExactlyInAnyOrder(KAFKA, MONGO_NEWS, TOKEN_ISSUER);
            pids.addAll(List.of(stack.pid(KAFKA), stack.pid(MONGO_NEWS), stack.pid(TOKEN_ISSUER)));

            String token = mintedTokenVerifiedAgainstJwks(stack);
            badTokenRequestsGetProblemDetails(stack);
            tokensStayValidAcrossIssuerRestarts(stack, token, pids);
            documentsSurviveAGracefulStoreRestart(stack, pids);
            brokerKeepsARecordAcrossARestart(stack, pids);
        }

        for (long pid : pids) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .as("process %d still alive after close()", pid).isFalse();
        }
    }

    private static String mintedTokenVerifiedAgainstJwks(LocalStack stack) throws Exception {
        HttpResponse<String> response = post(stack, "{\"sub\":\"alice\",\"org\":\"org-42\",\"roles\":[\"PARTNER\",\"STAFF\"],\"ttlSeconds\":600}");
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> body = JSONObjectUtils.parse(response.body());
        assertThat(body).containsEntry("token_type", "Bearer").containsEntry("expires_in", 600L);

        SignedJWT jwt = SignedJWT.parse((String) body.get("access_token"));
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        RSAKey key = (RSAKey) jwks(stack).getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key).as("the token's kid is in the JWKS").isNotNull();
        assertThat(key.isPrivate()).as("the JWKS holds public keys only").isFalse();
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();

        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("http://localhost:" + stack.port(TOKEN_ISSUER)).isEqualTo(stack.issuerUri());
        assertThat(claims.getSubject()).isEqualTo("alice");
        assertThat(claims.getStringClaim("org")).isEqualTo("org-42");
        assertThat(claims.getStringListClaim("roles")).containsExactly("PARTNER", "STAFF");
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getNotBeforeTime()).isEqualTo(claims.getIssueTime());
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(600_000L);

        SignedJWT withoutOrg = SignedJWT.parse((String) JSONObjectUtils.parse(
                post(stack, "{\"sub\":\"bob\",\"roles\":[\"ADMIN\"]}").body()).get("access_token"));
        assertThat(withoutOrg.getJWTClaimsSet().getClaims()).doesNotContainKey("org");
        assertThat(withoutOrg.getJWTClaimsSet().getExpirationTime().getTime()
                - withoutOrg.getJWTClaimsSet().getIssueTime().getTime()).isEqualTo(3_600_000L);

        HttpResponse<String> discovery = get(stack.baseUrl(TOKEN_ISSUER) + "/.well-known/openid-configuration");
        assertThat(JSONObjectUtils.parse(discovery.body()))
                .containsEntry("issuer", stack.issuerUri())
                .containsEntry("jwks_uri", stack.issuerUri() + "/.well-known/jwks.json")
                .containsEntry("token_endpoint", stack.issuerUri() + "/dev/token");
        return jwt.serialize();
    }

    private static void badTokenRequestsGetProblemDetails(LocalStack stack) throws Exception {
        List<String> badBodies = List.of(
                "{not json",
                "[]",
                "{\"roles\":[\"PARTNER\"]}",
                "{\"sub\":\"  \",\"roles\":[\"PARTNER\"]}",
                "{\"sub\":\"alice\"}",
                "{\"sub\":\"alice\",\"roles\":[]}",
                "{\"sub\":\"alice\",\"roles\":[\"KING\"]}",
                "{\"sub\":\"alice\",\"roles\":[\"PARTNER\"],\"ttlSeconds\":0}",
                "{\"sub\":\"alice\",\"roles\":[\"PARTNER\"],\"ttlSeconds\":86401}",
                "{\"sub\":\"alice\",\"roles\":[\"PARTNER\"],\"ttlSeconds\":\"60\"}",
                "{\"sub\":\"alice\",\"role\":[\"PARTNER\"]}");
        for (String body : badBodies) {
            HttpResponse<String> response = post(stack, body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(body).hasValue("application/problem+json");
            Map<String, Object> problem = JSONObjectUtils.parse(response.body());
            assertThat(problem).as(body).containsKeys("type", "title", "detail").containsEntry("status", 400L);
            assertThat((String) problem.get("detail")).as(body).contains("Send for example {\"sub\":\"alice\"");
        }
        assertThat(get(stack.baseUrl(TOKEN_ISSUER) + "/nowhere").statusCode()).isEqualTo(404);
        HttpResponse<String> wrongMethod = get(stack.baseUrl(TOKEN_ISSUER) + "/dev/token");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private static void tokensStayValidAcrossIssuerRestarts(LocalStack stack, String token, List<Long> pids) throws Exception {
        stack.stop(TOKEN_ISSUER);
        stack.start(TOKEN_ISSUER);
        pids.add(stack.pid(TOKEN_ISSUER));
        SignedJWT jwt = SignedJWT.parse(token);
        RSAKey key = (RSAKey) jwks(stack).getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key).as("the restarted issuer kept its key").isNotNull();
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
    }

    private static void documentsSurviveAGracefulStoreRestart(LocalStack stack, List<Long> pids) {
        String uri = "mongodb://127.0.0.1:" + stack.port(MONGO_NEWS);
        assertThat(stack.mongoUri(Components.NEWS_SERVICE)).isEqualTo(uri + "/news");
        try (MongoClient client = MongoClients.create(uri)) {
            client.getDatabase("news").getCollection("probe")
                    .insertOne(new Document("_id", "p-1").append("title", "长三角技术转移"));
        }

        long before = stack.pid(MONGO_NEWS);
        stack.stop(MONGO_NEWS);
        assertThat(stack.isRunning(MONGO_NEWS)).isFalse();
        assertThat(ProcessHandle.of(before).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        stack.start(MONGO_NEWS);
        pids.add(stack.pid(MONGO_NEWS));
        assertThat(stack.pid(MONGO_NEWS)).isNotEqualTo(before);

        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> probe = client.getDatabase("news").getCollection("probe");
            Document found = probe.find(new Document("_id", "p-1")).first();
            assertThat(found).isNotNull();
            assertThat(found.getString("title")).isEqualTo("长三角技术转移");
        }
    }

    private static void brokerKeepsARecordAcrossARestart(LocalStack stack, List<Long> pids) throws Exception {
        assertThat(HealthCheck.accepts(stack.port(KAFKA))).isTrue();
        String topic = "local-stack-probe";
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps)) {
            producer.send(new ProducerRecord<>(topic, 0, "key-1", "hello from the local stack")).get();
        }
        assertThat(recordsOnPartitionZero(stack, topic)).containsExactly("hello from the local stack");

        // a restart reuses the formatted storage instead of formatting it again
        stack.stop(KAFKA);
        stack.start(KAFKA);
        pids.add(stack.pid(KAFKA));
        assertThat(recordsOnPartitionZero(stack, topic)).containsExactly("hello from the local stack");
    }

    /** Assigned, not subscribed: no consumer group is needed to read the partition from the start. */
    private static List<String> recordsOnPartitionZero(LocalStack stack, String topic) {
        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps)) {
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            List<String> received = new ArrayList<>();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> received.add(record.value()));
            }
            return received;
        }
    }

    private static JWKSet jwks(LocalStack stack) throws Exception {
        HttpResponse<String> response = get(stack.baseUrl(TOKEN_ISSUER) + "/.well-known/jwks.json");
        assertThat(response.statusCode()).isEqualTo(200);
        return JWKSet.parse(response.body());
    }

    private static HttpResponse<String> post(LocalStack stack, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.baseUrl(TOKEN_ISSUER) + "/dev/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Where the repository is, and whether the broker's jars are there. */
    static final class TestRepo {

        static Path root() {
            Path dir = Path.of("").toAbsolutePath();
            for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
                if (Files.exists(candidate.resolve("local-stack/kafka-broker/pom.xml"))) {
                    return candidate;
                }
            }
            throw new IllegalStateException("run the test inside the repository; not found above " + dir);
        }

        static void requireBrokerPackaged(Path repoRoot) {
            Path lib = repoRoot.resolve("local-stack/kafka-broker/target/lib");
            if (!Files.isDirectory(lib)) {
                throw new IllegalStateException("The Kafka broker's jars are missing in " + lib + ". Package the broker"
                        + " module first: mvn -pl local-stack/kafka-broker,local-stack/launcher verify");
            }
        }

        private TestRepo() {}
    }
}
