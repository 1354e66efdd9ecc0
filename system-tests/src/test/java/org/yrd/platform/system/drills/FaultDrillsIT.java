package org.yrd.platform.system.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.yrd.platform.events.Topics;
import org.yrd.platform.localstack.LocalStack;
import org.yrd.platform.system.PlatformClient;
import org.yrd.platform.system.SharedPlatform;

/**
 * Fault drills against the real broker, stores and service processes. Each passes only when the oracle finds
 * 0 lost and 0 duplicated effects. Run short in CI ({@code -Ddrills=short}, the default) or long on demand.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultDrillsIT {

    private static final DrillScale SCALE = DrillScale.current();

    private static LocalStack stack;
    private static PlatformClient client;
    private static Workload workload;
    private static KafkaProbe kafka;
    private static Stores stores;
    private static Oracle oracle;
    private static final List<String> allSignedAgreements = new ArrayList<>();

    @BeforeAll
    static void connect() throws Exception {
        stack = SharedPlatform.get();
        client = SharedPlatform.client();
        workload = new Workload(client, client.token("drill-staff", null, "STAFF"));
        kafka = new KafkaProbe(stack.kafkaBootstrapServers());
        stores = new Stores(stack);
        oracle = new Oracle(kafka, stores);
    }

    @AfterAll
    static void disconnect() {
        if (stores != null) {
            stores.close();
        }
    }

    @Test
    @Order(1)
    void brokerDownWritesKeepSucceedingAndEverythingArrivesOnceAfterwards() throws Exception {
        for (int run = 1; run <= SCALE.repeats(); run++) {
            List<String> parties = workload.registerOrganizations(4, "broker-drill-parties").createdIds();
            Duration loadDuration = SCALE.brokerOutage().plusSeconds(6);
            CompletableFuture<Workload.Outcome> load = CompletableFuture.supplyAsync(() -> {
                try {
                    return workload.registerOrganizations(SCALE.writeRate(), loadDuration, "broker-drill");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(3000);
            stack.kill("kafka");
            long down = System.nanoTime();
            List<String> agreements = workload.signAgreements(parties, 5);
            double peakBacklog = 0;
            while (System.nanoTime() - down < SCALE.brokerOutage().toNanos()) {
                peakBacklog = Math.max(peakBacklog, Metrics.value(client, stack.baseUrl("agreement-service"),
                        "outbox_backlog"));
                Thread.sleep(500);
            }
            stack.start("kafka");
            long back = System.nanoTime();
            Workload.Outcome outcome = load.join();

            assertThat(outcome.failures()).as("writes failed while the broker was down: %s", outcome.failureStatuses())
                    .isZero();
            assertThat(outcome.succeeded()).isGreaterThanOrEqualTo((int) (SCALE.writeRate() * loadDuration.toSeconds() * 0.95));
            assertThat(peakBacklog).as("the backlog gauge rises while the broker is down").isGreaterThan(0);

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    kafka.lag("techtransfer-service", Topics.ORGANIZATIONS) == 0
                            && kafka.lag("news-service", Topics.AGREEMENTS) == 0
                            && Metrics.value(client, stack.baseUrl("agreement-service"), "outbox_backlog") == 0);
            double drainSeconds = (System.nanoTime() - back) / 1e9;

            Oracle.Verdict organizations = oracle.organizations(outcome.createdIds(), Duration.ofSeconds(30));
            Oracle.Verdict drafts = oracle.agreementDrafts(agreements, Duration.ofSeconds(30));
            allSignedAgreements.addAll(agreements);
            DrillReport.record("1 broker down " + SCALE.brokerOutage().toSeconds() + " s, run " + run,
                    outcome.succeeded() + " writes at " + SCALE.writeRate() + "/s, 0 failed; peak backlog "
                            + (long) peakBacklog + "; lag 0 and backlog 0 " + String.format("%.1f", drainSeconds)
                            + " s after the broker was back; " + organizations + "; " + drafts);
            assertThat(organizations.clean()).as(organizations.toString()).isTrue();
            assertThat(drafts.clean()).as(drafts.toString()).isTrue();
            assertThat(drainSeconds).isLessThanOrEqualTo(60);
        }
    }

    @Test
    @Order(2)
    void producerCrashBeforePublishingLosesNothing() throws Exception {
        for (int run = 1; run <= SCALE.repeats(); run++) {
            List<String> parties = workload.registerOrganizations(4, "producer-crash-parties").createdIds();
            stack.stop("kafka");
            Workload.Outcome stored = workload.registerOrganizations(SCALE.batch() / 2, "producer-crash");
            List<String> agreements = workload.signAgreements(parties, 3);
            assertThat(stored.failures()).isZero();
            stack.kill("agreement-service");
            stack.start("kafka");
            stack.start("agreement-service");

            Oracle.Verdict organizations = oracle.organizations(stored.createdIds(), Duration.ofSeconds(60));
            Oracle.Verdict drafts = oracle.agreementDrafts(agreements, Duration.ofSeconds(60));
            allSignedAgreements.addAll(agreements);
            DrillReport.record("2 producer kill -9 with unpublished events, run " + run, organizations + "; " + drafts);
            assertThat(organizations.clean()).as(organizations.toString()).isTrue();
            assertThat(drafts.clean()).as(drafts.toString()).isTrue();
        }
    }

    @Test
    @Order(3)
    void consumerCrashMidBatchNeitherLosesNorDoublesAnEffect() throws Exception {
        for (int run = 1; run <= SCALE.repeats(); run++) {
            List<String> parties = workload.registerOrganizations(6, "consumer-crash-parties").createdIds();
            stack.stop("news-service");
            List<String> agreements = workload.signAgreements(parties, Math.max(10, SCALE.batch() / 10));
            // the drafts pile up on the topic; news-service starts and is killed while working through them
            AtomicReference<Integer> draftedAtKill = new AtomicReference<>();
            CompletableFuture<Void> starting = CompletableFuture.runAsync(() -> {
                try {
                    stack.start("news-service");
                } catch (RuntimeException expectedWhenKilledDuringStart) {
                    // the kill below may land before the service reports healthy
                }
            });
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                    .until(() -> !oracle.draftsBySource(agreements).isEmpty());
            stack.kill("news-service");
            draftedAtKill.set(oracle.draftsBySource(agreements).size());
            starting.join();
            stack.start("news-service");

            Oracle.Verdict drafts = oracle.agreementDrafts(agreements, Duration.ofSeconds(60));
            allSignedAgreements.addAll(agreements);
            DrillReport.record("3 consumer kill -9 mid-batch, run " + run, "killed after " + draftedAtKill.get() + " of "
                    + agreements.size() + " drafts; " + drafts);
            assertThat(drafts.clean()).as(drafts.toString()).isTrue();
        }
    }

    @Test
    @Order(4)
    void republishedDuplicatesAndAFullReplayChangeNoEffect() throws Exception {
        List<String> signed = List.copyOf(allSignedAgreements);
        assertThat(signed).as("earlier drills signed agreements").isNotEmpty();
        List<KafkaProbe.Event> events = kafka.readAll(Topics.AGREEMENTS).stream()
                .filter(e -> "AgreementSigned".equals(e.type()) && signed.contains(e.aggregateId())).toList();
        List<ProducerRecord<String, byte[]>> duplicates = new ArrayList<>();
        for (int i = 0; i < events.size(); i += 10) {
            KafkaProbe.Event event = events.get(i);
            duplicates.add(new ProducerRecord<>(event.topic(), event.key(), event.raw()));
        }
        kafka.send(duplicates);
        await().atMost(Duration.ofSeconds(60)).until(() -> kafka.lag("news-service", Topics.AGREEMENTS) == 0);
        Oracle.Verdict afterDuplicates = oracle.agreementDrafts(signed, Duration.ofSeconds(10));

        stack.stop("news-service");
        kafka.resetToEarliest("news-service", Topics.AGREEMENTS);
        stack.start("news-service");
        await().atMost(Duration.ofSeconds(90)).until(() -> kafka.lag("news-service", Topics.AGREEMENTS) == 0);
        Oracle.Verdict afterReplay = oracle.agreementDrafts(signed, Duration.ofSeconds(10));

        DrillReport.record("4 duplicates and replay", duplicates.size() + " of " + events.size()
                + " AgreementSigned republished: " + afterDuplicates + "; after resetting news-service to the earliest"
                + " offset: " + afterReplay);
        assertThat(afterDuplicates.clean()).as(afterDuplicates.toString()).isTrue();
        assertThat(afterReplay.clean()).as(afterReplay.toString()).isTrue();
    }

    @Test
    @Order(5)
    void poisonRecordsGoToTheDeadLetterTopicAndTheNextRecordIsProcessedWithinTenSeconds() throws Exception {
        String malformedKey = "poison-malformed-" + System.nanoTime();
        String failingKey = "poison-failing-" + System.nanoTime();
        String failing = "{\"eventId\":\"" + java.util.UUID.randomUUID() + "\",\"type\":\"AgreementSigned\","
                + "\"occurredAt\":\"2026-06-01T00:00:00Z\",\"aggregateId\":\"" + failingKey + "\","
                + "\"aggregateVersion\":2,\"payload\":{\"agreementId\":\"" + failingKey + "\"}}";
        kafka.send(List.of(
                new ProducerRecord<>(Topics.AGREEMENTS, malformedKey, "{not json".getBytes(StandardCharsets.UTF_8)),
                new ProducerRecord<>(Topics.AGREEMENTS, failingKey, failing.getBytes(StandardCharsets.UTF_8))));
        List<String> parties = workload.registerOrganizations(2, "poison-parties").createdIds();
        long sent = System.nanoTime();
        List<String> good = workload.signAgreements(parties, 1);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> oracle.draftsBySource(good).size() == 1);
        double nextRecordSeconds = (System.nanoTime() - sent) / 1e9;

        List<KafkaProbe.Event> deadLetters = await().atMost(Duration.ofSeconds(30)).until(
                () -> kafka.readAll(Topics.deadLetter(Topics.AGREEMENTS)),
                dlt -> dlt.stream().anyMatch(e -> malformedKey.equals(e.key()))
                        && dlt.stream().anyMatch(e -> failingKey.equals(e.key())));
        KafkaProbe.Event malformed = deadLetters.stream().filter(e -> malformedKey.equals(e.key())).findFirst().orElseThrow();
        KafkaProbe.Event refused = deadLetters.stream().filter(e -> failingKey.equals(e.key())).findFirst().orElseThrow();
        assertThat(malformed.headers()).containsKey("kafka_dlt-exception-fqcn").containsKey("kafka_dlt-original-topic");
        assertThat(refused.headers()).containsKey("kafka_dlt-exception-message");
        allSignedAgreements.addAll(good);
        DrillReport.record("5 poison records", "malformed and failing records on " + Topics.deadLetter(Topics.AGREEMENTS)
                + " with exception headers; next good record drafted " + String.format("%.1f", nextRecordSeconds)
                + " s after it was written");
        assertThat(nextRecordSeconds).isLessThanOrEqualTo(10);
    }

    @Test
    @Order(7)
    void aStoppedStoreGives503ProblemsNotHangsAndTheServiceRecovers() throws Exception {
        String staff = client.token("drill-staff", null, "STAFF");
        stack.stop("mongo-agreement");
        List<Long> millis = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                PlatformClient.Response direct = client.get(stack.baseUrl("agreement-service")
                        + "/api/v1/organizations", staff);
                millis.add(direct.nanos() / 1_000_000);
                assertThat(direct.status()).as(direct.body()).isEqualTo(503);
                assertThat(direct.header("Content-Type")).startsWith("application/problem+json");
                assertThat(direct.header("Retry-After")).isNotNull();
                assertThat(direct.body()).doesNotContain("Exception", "mongo", "Mongo");
            }
            PlatformClient.Response throughGateway = client.get("/api/v1/organizations", staff);
            assertThat(throughGateway.status()).isEqualTo(503);
        } finally {
            stack.start("mongo-agreement");
        }
        long recoveredAfter = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                client.get(stack.baseUrl("agreement-service") + "/api/v1/organizations", staff).status() == 200);
        DrillReport.record("7 store down", "agreement-service answered 503 problem+json in " + millis
                + " ms while its store was stopped; 200 again " + String.format("%.1f",
                (System.nanoTime() - recoveredAfter) / 1e9) + " s after the store was back");
        assertThat(millis).allMatch(ms -> ms < 10_000);
    }
}
