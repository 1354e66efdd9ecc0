package org.yrd.platform.localstack;

import static org.yrd.platform.localstack.Components.GATEWAY;
import static org.yrd.platform.localstack.Components.GATEWAY_MANAGEMENT_PORT;
import static org.yrd.platform.localstack.Components.KAFKA;
import static org.yrd.platform.localstack.Components.KAFKA_CONTROLLER_PORT;
import static org.yrd.platform.localstack.Components.TOKEN_ISSUER;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns a {@link StackConfig} into the command line, environment and health check of every component to start. */
final class StackPlan {

    static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
    static final String JWT_ISSUER_URI = "JWT_ISSUER_URI";
    static final String JWT_JWK_SET_URI = "JWT_JWK_SET_URI";
    static final String JAVA_OPTS_VARIABLE = "LOCAL_STACK_JAVA_OPTS";
    /** The gateway relays the portal's POST /dev/token to the local issuer when this is set (local stack only). */
    static final String DEV_TOKEN_ISSUER_URI = "DEV_TOKEN_ISSUER_URI";

    static final List<String> SERVICE_JAVA_OPTS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k");
    /** slf4j-simple writes no time by default; the broker's, stores' and issuer's logs need one. */
    private static final String LOG_TIME = "-Dorg.slf4j.simpleLogger.showDateTime=true";
    private static final String LOG_TIME_FORMAT = "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS";
    /*
     * A small initial heap keeps the resident size down (the default is 1/64 of the RAM, all of it touched soon);
     * C1 only halves the CPU a JVM burns while five of them start at once on two cores.
     */
    static final List<String> KAFKA_JAVA_OPTS = List.of("-Xms32m", "-Xmx512m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true", LOG_TIME, LOG_TIME_FORMAT);
    static final List<String> STORE_JAVA_OPTS = List.of("-Xms16m", "-Xmx128m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", LOG_TIME, LOG_TIME_FORMAT);
    /** Full JIT here: generating the RSA key on the first run takes half as long as with C1 only. */
    static final List<String> ISSUER_JAVA_OPTS = List.of("-Xms16m", "-Xmx128m", "-XX:+UseSerialGC", LOG_TIME, LOG_TIME_FORMAT);
    static final String KAFKA_READY_LINE = "Kafka Server started";

    private final StackConfig config;
    private final String java;

    StackPlan(StackConfig config) {
        this.config = config;
        this.java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    // ---- addresses, local or external ----

    String kafkaBootstrapServers() {
        String external = config.envValue(KAFKA_BOOTSTRAP_SERVERS);
        return external != null ? external : "127.0.0.1:" + config.port(KAFKA);
    }

    String issuerUri() {
        String configured = config.envValue(JWT_ISSUER_URI);
        return configured != null ? configured : "http://localhost:" + config.port(TOKEN_ISSUER);
    }

    String jwkSetUri() {
        String external = config.envValue(JWT_JWK_SET_URI);
        return external != null ? external : "http://127.0.0.1:" + config.port(TOKEN_ISSUER) + "/.well-known/jwks.json";
    }

    String mongoUri(Components.Service service) {
        String external = config.envValue(service.externalMongoUriVariable());
        return external != null ? external
                : "mongodb://127.0.0.1:" + config.port(service.store()) + "/" + service.database();
    }

    /** The environment variable that replaces a component by external infrastructure, when it is set. */
    String externalReplacement(String component) {
        if (component.equals(KAFKA)) {
            return config.envValue(KAFKA_BOOTSTRAP_SERVERS) != null ? KAFKA_BOOTSTRAP_SERVERS : null;
        }
        if (component.equals(TOKEN_ISSUER)) {
            return config.envValue(JWT_JWK_SET_URI) != null ? JWT_JWK_SET_URI : null;
        }
        return Components.serviceOwningStore(component)
                .map(Components.Service::externalMongoUriVariable)
                .filter(variable -> config.envValue(variable) != null)
                .orElse(null);
    }

    // ---- what to start ----

    /** The selected components plus what they need, minus what external infrastructure replaces; in start order. */
    List<String> componentsToStart(Progress progress) {
        Set<String> wanted = new LinkedHashSet<>();
        for (String component : Components.ALL) {
            if (!config.components().contains(component)) {
                continue;
            }
            wanted.add(component);
            for (String needed : needs(component)) {
                if (!config.components().contains(needed) && externalReplacement(needed) == null && wanted.add(needed)) {
                    progress.component(needed, "added: " + component + " needs it");
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        for (String component : Components.ALL) {
            if (!wanted.contains(component)) {
                continue;
            }
            String variable = externalReplacement(component);
            if (variable != null) {
                progress.component(component, "external: " + variable + "=" + withoutCredentials(config.envValue(variable)));
            } else {
                ordered.add(component);
            }
        }
        return ordered;
    }

    /** {@code mongodb://user:secret@host/db} is printed as {@code mongodb://***@host/db}. */
    static String withoutCredentials(String uri) {
        return uri.replaceAll("//[^/@]*@", "//***@");
    }

    /** Local components that must be healthy first (external ones are assumed to be up). */
    List<String> dependencies(String component, List<String> started) {
        return needs(component).stream().filter(started::contains).toList();
    }

    private static List<String> needs(String component) {
        if (component.equals(GATEWAY)) {
            return List.of(TOKEN_ISSUER);
        }
        return Components.service(component)
                .map(service -> List.of(KAFKA, service.store(), TOKEN_ISSUER))
                .orElse(List.of());
    }

    // ---- how to start it ----

    ComponentSpec spec(String component, List<String> started) throws StackStartException {
        Path dataDir = config.dataDir();
        List<String> dependsOn = dependencies(component, started);
        if (component.equals(KAFKA)) {
            return kafka(dataDir);
        }
        if (component.equals(TOKEN_ISSUER)) {
            int port = config.port(TOKEN_ISSUER);
            return new ComponentSpec(component, dependsOn,
                    launcherMain(component, ISSUER_JAVA_OPTS, DevTokenIssuerMain.class,
                            String.valueOf(port), issuerUri(), dataDir.resolve(component).toString()),
                    stackEnv(Map.of()), dataDir.resolve(component), List.of(port),
                    HealthCheck.statusUp("http://127.0.0.1:" + port + "/health"), ComponentSpec.Preparation.NONE);
        }
        if (Components.isMongoStore(component)) {
            int port = config.port(component);
            return new ComponentSpec(component, dependsOn,
                    launcherMain(component, STORE_JAVA_OPTS, MongoStoreMain.class,
                            String.valueOf(port), dataDir.resolve(component).resolve("store.mv").toString()),
                    stackEnv(Map.of()), dataDir.resolve(component), List.of(port),
                    HealthCheck.allOf(HealthCheck.logLine(MongoStoreMain.READY_LINE), HealthCheck.tcp(port)),
                    ComponentSpec.Preparation.NONE);
        }
        if (component.equals(GATEWAY)) {
            return gateway(dataDir, dependsOn);
        }
        Components.Service service = Components.service(component).orElseThrow();
        int port = config.port(component);
        Map<String, String> env = new LinkedHashMap<>(commonEnv());
        env.put("SERVER_PORT", String.valueOf(port));
        env.put(KAFKA_BOOTSTRAP_SERVERS, kafkaBootstrapServers());
        env.put("MONGODB_URI", mongoUri(service));
        return new ComponentSpec(component, dependsOn, bootJar(component), stackEnv(env), dataDir.resolve(component),
                List.of(port), HealthCheck.statusUp(baseUrl(port) + "/actuator/health"),
                ComponentSpec.Preparation.NONE);
    }

    private ComponentSpec kafka(Path dataDir) throws StackStartException {
        Path lib = config.repoRoot().resolve("local-stack/kafka-broker/target/lib");
        if (!Files.isDirectory(lib)) {
            throw new StackStartException(KAFKA, "the broker's jars are missing in " + lib + ": build them with"
                    + " 'mvn -pl local-stack/kafka-broker package' (run.sh does it)", List.of());
        }
        String classpath = lib + File.separator + "*";
        int port = config.port(KAFKA);
        KafkaStorage storage = new KafkaStorage(dataDir.resolve(KAFKA), java, classpath, port, config.port(KAFKA_CONTROLLER_PORT));
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(KAFKA_JAVA_OPTS);
        command.addAll(List.of(ManagedComponent.MARKER_PROPERTY + KAFKA, "-cp", classpath, "kafka.Kafka",
                storage.propertiesFile().toString()));
        return new ComponentSpec(KAFKA, List.of(), command, stackEnv(Map.of()), dataDir.resolve(KAFKA),
                List.of(port, config.port(KAFKA_CONTROLLER_PORT)),
                HealthCheck.allOf(HealthCheck.logLine(KAFKA_READY_LINE), HealthCheck.tcp(port)),
                storage::prepare);
    }

    private ComponentSpec gateway(Path dataDir, List<String> dependsOn) throws StackStartException {
        int port = config.port(GATEWAY);
        int managementPort = config.port(GATEWAY_MANAGEMENT_PORT);
        Map<String, String> env = new LinkedHashMap<>(commonEnv());
        env.put("SERVER_PORT", String.valueOf(port));
        env.put("MANAGEMENT_SERVER_PORT", String.valueOf(managementPort));
        for (Components.Service service : Components.SERVICES) {
            env.put(service.gatewayUrisVariable(), baseUrl(config.port(service.name())));
        }
        if (externalReplacement(TOKEN_ISSUER) == null) {
            // the portal signs in on the gateway's origin: POST /dev/token is relayed to the local issuer (loopback
            // clients only); never set with an external issuer, and never in production
            env.put(DEV_TOKEN_ISSUER_URI, "http://127.0.0.1:" + config.port(TOKEN_ISSUER));
        }
        // health may be served on the main port, the management port, or both
        HealthCheck health = HealthCheck.anyOf(
                HealthCheck.statusUp(baseUrl(port) + "/actuator/health"),
                HealthCheck.statusUp(baseUrl(managementPort) + "/actuator/health"));
        return new ComponentSpec(GATEWAY, dependsOn, bootJar(GATEWAY), stackEnv(env), dataDir.resolve(GATEWAY),
                List.of(port, managementPort), health, ComponentSpec.Preparation.NONE);
    }

    /** The stack's environment (extra variables for every process) under the component's own variables. */
    private Map<String, String> stackEnv(Map<String, String> componentEnv) {
        Map<String, String> env = new LinkedHashMap<>(config.env());
        env.putAll(componentEnv);
        return env;
    }

    private Map<String, String> commonEnv() {
        return Map.of(JWT_ISSUER_URI, issuerUri(), JWT_JWK_SET_URI, jwkSetUri());
    }

    private List<String> bootJar(String module) throws StackStartException {
        Path jar = config.repoRoot().resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT.jar");
        if (!Files.isRegularFile(jar)) {
            throw new StackStartException(module, "its jar is missing: " + jar + ". Build it (run.sh does),"
                    + " or leave it out with --only", List.of());
        }
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(serviceJavaOpts());
        command.addAll(List.of(ManagedComponent.MARKER_PROPERTY + module, "-jar", jar.toString()));
        return command;
    }

    private List<String> serviceJavaOpts() {
        String override = config.envValue(JAVA_OPTS_VARIABLE);
        return override == null ? SERVICE_JAVA_OPTS : Arrays.asList(override.split("\\s+"));
    }

    /** A main class of this module, run with the launcher's own classpath. */
    private List<String> launcherMain(String component, List<String> javaOpts, Class<?> mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(javaOpts);
        command.addAll(List.of(ManagedComponent.MARKER_PROPERTY + component, "-D" + ParentWatch.PROPERTY + "=true",
                "-cp", launcherClasspath(), mainClass.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** This JVM's classpath with absolute entries: the child runs in another working directory. */
    private static String launcherClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static String baseUrl(int port) {
        return "http://127.0.0.1:" + port;
    }
}
