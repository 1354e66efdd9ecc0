package org.yrd.platform.system.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yrd.platform.localstack.LocalStack;
import org.yrd.platform.system.PlatformClient;
import org.yrd.platform.system.SharedPlatform;

/**
 * Benchmark, not a test: a soak through the gateway at a steady rate (45 reads/s across the services and
 * 5 writes/s) for {@code -Dsoak.minutes} (default 10). Reports RSS, heap and direct memory of the gateway and
 * the services at the start (after warm-up) and at the end, and the count of 5xx responses.
 * Run: mvn -Pbenchmarks -pl system-tests verify -Dit.test=SoakBenchmark
 */
class SoakBenchmark {

    private static final List<String> READS = List.of("/api/v1/organizations", "/api/v1/agreements",
            "/api/v1/news", "/api/v1/techtransfer/offers", "/api/v1/techtransfer/stats");
    private static final List<String> PROCESSES = List.of("gateway", "agreement-service", "news-service",
            "techtransfer-service");

    @Test
    void memoryStaysBoundedUnderSteadyLoad() throws Exception {
        LocalStack stack = SharedPlatform.get();
        PlatformClient client = SharedPlatform.client();
        String staff = client.token("soak", null, "STAFF");
        Duration soak = Duration.ofMinutes(Long.getLong("soak.minutes", 10));
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger serverErrors = new AtomicInteger();
        ScheduledExecutorService ticker = Executors.newScheduledThreadPool(2);
        ticker.scheduleAtFixedRate(() -> {
            int n = requests.incrementAndGet();
            String path = READS.get(n % READS.size());
            client.sendAsync("GET", path, staff, null).thenAccept(r -> {
                if (r.status() >= 500) {
                    serverErrors.incrementAndGet();
                }
            });
        }, 0, 1_000_000 / 45, TimeUnit.MICROSECONDS);
        ticker.scheduleAtFixedRate(() -> client.sendAsync("POST", "/api/v1/organizations", staff,
                "{\"name\":{\"en-US\":\"Soak " + requests.incrementAndGet() + "\"},\"type\":\"ENTERPRISE\","
                        + "\"region\":\"330421\"}").thenAccept(r -> {
                            if (r.status() >= 500) {
                                serverErrors.incrementAndGet();
                            }
                        }), 0, 200, TimeUnit.MILLISECONDS);
        Thread.sleep(60_000);
        Map<String, String> start = snapshot(stack, client);
        Thread.sleep(soak.toMillis());
        Map<String, String> end = snapshot(stack, client);
        ticker.shutdownNow();

        BenchmarkReport.record("soak " + soak.toMinutes() + " min at 50 req/s through the gateway", requests.get()
                + " requests, " + serverErrors.get() + " 5xx; after warm-up " + start + "; at the end " + end);
        assertThat(requests.get()).isGreaterThan(0);
    }

    private static Map<String, String> snapshot(LocalStack stack, PlatformClient client) throws Exception {
        Map<String, String> snapshot = new LinkedHashMap<>();
        for (String process : PROCESSES) {
            String prometheus = (process.equals("gateway") ? "http://127.0.0.1:" + stack.port("gateway-management")
                    : stack.baseUrl(process)) + "/actuator/prometheus";
            String scrape = client.get(prometheus, null).body();
            snapshot.put(process, String.format("RSS %d MB, heap %d MB, direct %d MB", rssKb(stack.pid(process)) / 1024,
                    (long) (sum(scrape, "jvm_memory_used_bytes", "area=\"heap\"") / 1048576),
                    (long) (sum(scrape, "jvm_buffer_memory_used_bytes", "id=\"direct\"") / 1048576)));
        }
        return snapshot;
    }

    private static double sum(String scrape, String metric, String labelFilter) {
        Matcher matcher = Pattern.compile("^" + Pattern.quote(metric) + "\\{([^}]*)} ([0-9.eE+-]+)$",
                Pattern.MULTILINE).matcher(scrape);
        double sum = 0;
        while (matcher.find()) {
            if (matcher.group(1).contains(labelFilter)) {
                sum += Double.parseDouble(matcher.group(2));
            }
        }
        return sum;
    }

    private static long rssKb(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }
}
