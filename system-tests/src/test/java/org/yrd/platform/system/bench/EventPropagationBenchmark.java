package org.yrd.platform.system.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.yrd.platform.localstack.LocalStack;
import org.yrd.platform.system.PlatformClient;
import org.yrd.platform.system.SharedPlatform;

/**
 * Benchmark, not a test: event propagation latency, from the write that stored an event (its occurredAt) to its
 * arrival at a consumer in another service, read from the consumer's events.propagation timer. Organizations
 * are registered through the gateway at a steady 100 per second for 60 s; techtransfer-service consumes them.
 * Run: mvn -Pbenchmarks -pl system-tests verify -Dit.test=EventPropagationBenchmark
 * Producer and relay settings come from the environment, which the launched services inherit
 * (e.g. SPRING_KAFKA_PRODUCER_PROPERTIES_LINGER_MS=5); BENCH_VARIANT names the run in the report.
 * bench/propagation-tuning.sh runs the variants one after the other.
 */
class EventPropagationBenchmark {

    @Test
    void propagationAtOneHundredEventsPerSecond() throws Exception {
        LocalStack stack = SharedPlatform.get();
        PlatformClient client = SharedPlatform.client();
        String staff = client.token("bench", null, "STAFF");
        String consumer = stack.baseUrl("techtransfer-service") + "/actuator/prometheus";
        warmUp(client, staff);
        Thread.sleep(5000);
        Histogram before = Histogram.parse(client.get(consumer, null).body(), "events_propagation_seconds",
                "topic=\"organizations.v1\"");

        int rate = 100;
        int seconds = 60;
        List<CompletableFuture<PlatformClient.Response>> calls = new ArrayList<>();
        AtomicInteger sequence = new AtomicInteger();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ticker.scheduleAtFixedRate(() -> {
            if (sequence.get() < rate * seconds) {
                int n = sequence.incrementAndGet();
                synchronized (calls) {
                    calls.add(client.sendAsync("POST", "/api/v1/organizations", staff,
                            "{\"name\":{\"en-US\":\"Propagation bench " + n + "\"},\"type\":\"ENTERPRISE\","
                                    + "\"region\":\"320583\"}"));
                }
            }
        }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
        Thread.sleep(Duration.ofSeconds(seconds + 1).toMillis());
        ticker.shutdownNow();
        int created = 0;
        int failed = 0;
        for (CompletableFuture<PlatformClient.Response> call : calls) {
            try {
                if (call.get(30, TimeUnit.SECONDS).status() == 201) {
                    created++;
                } else {
                    failed++;
                }
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                failed++; // reported, not thrown: a benchmark measures what arrived, and says what did not
            }
        }
        Thread.sleep(10_000);
        Histogram during = Histogram.parse(client.get(consumer, null).body(), "events_propagation_seconds",
                "topic=\"organizations.v1\"").minus(before);

        String variant = System.getenv().getOrDefault("BENCH_VARIANT", "platform defaults");
        BenchmarkReport.record("event propagation at " + rate + " events/s (" + variant + ")", String.format(
                "%d writes stored (%d failed or unanswered), %.0f events consumed by techtransfer-service; "
                        + "p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms", created, failed, during.count(),
                during.percentile(50) * 1000,
                during.percentile(99) * 1000, during.percentile(99.9) * 1000));
        assertThat(during.count()).isGreaterThan(0);
    }

    private static void warmUp(PlatformClient client, String staff) throws Exception {
        for (int i = 0; i < 200; i++) {
            client.post("/api/v1/organizations", staff, "{\"name\":{\"en-US\":\"Warm-up " + i
                    + "\"},\"type\":\"ENTERPRISE\",\"region\":\"320583\"}");
        }
    }
}
