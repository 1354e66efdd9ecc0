package org.yrd.platform.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link LocalStack} starts and where.
 *
 * @param repoRoot      the repository root: the broker's jars and the services' jars are found below it
 * @param dataDir       Kafka data, Mongo store files, the token issuer's key, logs and pid files
 * @param ports         by component name, plus {@link Components#KAFKA_CONTROLLER_PORT} and
 *                      {@link Components#GATEWAY_MANAGEMENT_PORT}
 * @param env           where the external-infrastructure variables are read from, and extra variables every
 *                      process gets ({@code KAFKA_BOOTSTRAP_SERVERS}, {@code NEWS_MONGODB_URI}, ...)
 * @param components    the components to start (their dependencies are added)
 * @param healthTimeout how long one component may take to become healthy
 * @param progress      where progress lines go
 * @param demoData      load the founding story's demo data through the gateway once everything is healthy
 *                      ({@link DemoData}); off by default, on for {@code ./run.sh} unless {@code --no-demo}
 */
public record StackConfig(Path repoRoot, Path dataDir, Map<String, Integer> ports, Map<String, String> env,
                          Set<String> components, Duration healthTimeout, PrintStream progress, boolean demoData) {

    public static final Duration DEFAULT_HEALTH_TIMEOUT = Duration.ofSeconds(180);

    public StackConfig {
        repoRoot = repoRoot.toAbsolutePath().normalize();
        dataDir = dataDir.toAbsolutePath().normalize();
        ports = Map.copyOf(ports);
        env = Map.copyOf(env);
        components = Set.copyOf(components);
        Objects.requireNonNull(healthTimeout, "healthTimeout");
        Objects.requireNonNull(progress, "progress");
        components.forEach(Components::requireKnown);
        for (String component : Components.ALL) {
            if (!ports.containsKey(component)) {
                throw new IllegalArgumentException("no port for " + component);
            }
        }
    }

    /**
     * Default ports, {@code repoRoot/.local-data}, the process environment, every component, 180 s, stdout, no demo
     * data (tests start an empty platform; the command line turns the demo data on).
     */
    public static StackConfig defaults(Path repoRoot) {
        return new StackConfig(repoRoot, repoRoot.resolve(".local-data"), Components.defaultPorts(), System.getenv(),
                new LinkedHashSet<>(Components.ALL), DEFAULT_HEALTH_TIMEOUT, System.out, false);
    }

    /** Every port replaced by a currently free one, so a test can run next to a developer's stack. */
    public StackConfig withFreePorts() {
        List<String> names = new ArrayList<>(ports.keySet());
        List<Integer> free = freePorts(names.size());
        Map<String, Integer> replaced = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            replaced.put(names.get(i), free.get(i));
        }
        return withPorts(replaced);
    }

    public StackConfig withPorts(Map<String, Integer> newPorts) {
        return new StackConfig(repoRoot, dataDir, newPorts, env, components, healthTimeout, progress, demoData);
    }

    public StackConfig withPort(String name, int port) {
        Map<String, Integer> changed = new HashMap<>(ports);
        changed.put(name, port);
        return withPorts(changed);
    }

    public StackConfig withDataDir(Path dir) {
        return new StackConfig(repoRoot, dir, ports, env, components, healthTimeout, progress, demoData);
    }

    /** Start only these components (and what they need). */
    public StackConfig only(Set<String> selected) {
        return new StackConfig(repoRoot, dataDir, ports, env, selected, healthTimeout, progress, demoData);
    }

    public StackConfig withEnv(Map<String, String> newEnv) {
        return new StackConfig(repoRoot, dataDir, ports, newEnv, components, healthTimeout, progress, demoData);
    }

    public StackConfig withEnvVariable(String name, String value) {
        Map<String, String> changed = new HashMap<>(env);
        changed.put(name, value);
        return withEnv(changed);
    }

    public StackConfig withHealthTimeout(Duration timeout) {
        return new StackConfig(repoRoot, dataDir, ports, env, components, timeout, progress, demoData);
    }

    public StackConfig withProgress(PrintStream out) {
        return new StackConfig(repoRoot, dataDir, ports, env, components, healthTimeout, out, demoData);
    }

    /** Load (or skip) the founding story's demo data once the stack is healthy; see {@link DemoData}. */
    public StackConfig withDemoData(boolean load) {
        return new StackConfig(repoRoot, dataDir, ports, env, components, healthTimeout, progress, load);
    }

    /** Progress lines are dropped. */
    public StackConfig quiet() {
        return withProgress(new PrintStream(OutputStream.nullOutputStream()));
    }

    public int port(String name) {
        Integer port = ports.get(name);
        if (port == null) {
            throw new IllegalArgumentException("no port named '" + name + "'; known: " + ports.keySet());
        }
        return port;
    }

    /** A non-blank value of an environment variable, or null. */
    String envValue(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Holds all sockets open until every port is chosen, so the ports are distinct. */
    private static List<Integer> freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find free ports", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the port was only borrowed
                }
            }
        }
    }
}
