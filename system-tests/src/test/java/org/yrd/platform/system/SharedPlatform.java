package org.yrd.platform.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.yrd.platform.localstack.LocalStack;
import org.yrd.platform.localstack.StackConfig;

/**
 * One running platform per test JVM, shared by every system test class: starting it costs about a minute on two
 * cores. Started on free ports with a fresh data folder; stopped by a shutdown hook at the end of the run.
 */
public final class SharedPlatform {

    private static LocalStack stack;

    private SharedPlatform() {
    }

    public static synchronized LocalStack get() throws Exception {
        if (stack == null) {
            Path root = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
            Path data = Files.createTempDirectory("platform-it-");
            Map<String, String> env = new HashMap<>(System.getenv());
            // the system tests always run their own infrastructure, even where a developer points at a real one
            env.keySet().removeIf(key -> key.equals("KAFKA_BOOTSTRAP_SERVERS") || key.endsWith("_MONGODB_URI"));
            // the drills drive 50 writes/s and 1,000-request corpora from one staff token: rate limiting has its
            // own tests in the gateway module and would only throttle the load generators here
            env.put("RATE_LIMIT_ENABLED", "false");
            stack = LocalStack.start(StackConfig.defaults(root).withFreePorts().withDataDir(data).withEnv(env)
                    .withHealthTimeout(Duration.ofSeconds(240)));
            LocalStack started = stack;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "platform-it-stop"));
        }
        return stack;
    }

    public static PlatformClient client() throws Exception {
        LocalStack running = get();
        return new PlatformClient(running.baseUrl("gateway"), running.baseUrl("token-issuer"));
    }
}
