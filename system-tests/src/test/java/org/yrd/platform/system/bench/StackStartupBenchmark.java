package org.yrd.platform.system.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yrd.platform.localstack.Components;
import org.yrd.platform.localstack.LocalStack;
import org.yrd.platform.localstack.StackConfig;

/**
 * Benchmark, not a test: the time from starting the local stack (the launcher behind ./run.sh, jars already
 * built, warm Maven cache) to every component healthy, and the total RSS of its processes once settled.
 * Three cold starts on fresh data folders; medians reported. Run: mvn -Pbenchmarks -pl system-tests verify
 * -Dit.test=StackStartupBenchmark
 */
class StackStartupBenchmark {

    @Test
    void startupTimeAndResidentMemory() throws Exception {
        Path root = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
        List<Double> seconds = new ArrayList<>();
        List<Long> rssMb = new ArrayList<>();
        Map<String, Long> lastBreakdown = new HashMap<>();
        for (int run = 0; run < 3; run++) {
            Path data = Files.createTempDirectory("stack-bench-");
            Map<String, String> env = new HashMap<>(System.getenv());
            env.keySet().removeIf(key -> key.equals("KAFKA_BOOTSTRAP_SERVERS") || key.endsWith("_MONGODB_URI"));
            long start = System.nanoTime();
            try (LocalStack stack = LocalStack.start(StackConfig.defaults(root).withFreePorts().withDataDir(data)
                    .withEnv(env).withHealthTimeout(Duration.ofSeconds(240)))) {
                seconds.add((System.nanoTime() - start) / 1e9);
                Thread.sleep(15_000);
                long total = 0;
                for (String component : Components.ALL) {
                    long kb = rssKb(stack.pid(component));
                    lastBreakdown.put(component, kb / 1024);
                    total += kb;
                }
                rssMb.add(total / 1024);
            }
        }
        Collections.sort(seconds);
        Collections.sort(rssMb);
        BenchmarkReport.record("local stack start to all healthy", String.format("median %.1f s of %s; total RSS "
                + "median %d MB of %s; per component (last run, MB): %s", seconds.get(1), seconds, rssMb.get(1), rssMb,
                lastBreakdown));
        assertThat(seconds).hasSize(3);
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
