package org.yrd.platform.localstack;

import static org.yrd.platform.localstack.Components.GATEWAY;
import static org.yrd.platform.localstack.Components.GATEWAY_MANAGEMENT_PORT;
import static org.yrd.platform.localstack.Components.KAFKA;
import static org.yrd.platform.localstack.Components.TOKEN_ISSUER;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/** {@code ./run.sh [--only a,b] [--data-dir DIR] [--fresh]}: starts the stack, prints where things are, runs until Ctrl-C. */
final class LocalStackCli {

    static final String USAGE = """
            usage: ./run.sh [--no-build] [--only COMPONENT,...] [--data-dir DIR] [--fresh] [--no-demo]

              --only a,b,c    start these components (and what they need); default: all of
                              %s
              --data-dir DIR  Kafka data, Mongo files, the token key, logs (default: <repo>/.local-data)
              --fresh         delete the data dir first
              --no-demo       do not load the demo data (the founding story: organizations, agreements,
                              news, offers, requests, matches), which is loaded once, on the first start
              --no-build      (run.sh) do not rebuild stale modules

            External infrastructure replaces a local component when its variable is set:
              KAFKA_BOOTSTRAP_SERVERS, NEWS_MONGODB_URI, AGREEMENT_MONGODB_URI, TECHTRANSFER_MONGODB_URI,
              JWT_JWK_SET_URI (with JWT_ISSUER_URI). LOCAL_STACK_JAVA_OPTS replaces the services' JVM options.
            """.formatted(String.join(", ", Components.ALL));

    /** Set by run.sh, so elapsed times include the build check. */
    static final String START_TIME_VARIABLE = "LOCAL_STACK_T0_MS";

    private LocalStackCli() {}

    static int run(String[] args) {
        PrintStream out = System.out;
        StackConfig config = StackConfig.defaults(repoRoot()).withDemoData(true);
        boolean fresh = false;
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
                String flag = value != null ? arg.substring(0, arg.indexOf('=')) : arg;
                switch (flag) {
                    case "--only" -> config = config.only(components(value != null ? value : next(args, ++i, flag)));
                    case "--data-dir" -> config = config.withDataDir(Path.of(value != null ? value : next(args, ++i, flag)));
                    case "--fresh" -> fresh = true;
                    case "--no-demo" -> config = config.withDemoData(false);
                    case "-h", "--help" -> {
                        out.print(USAGE);
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            return 2;
        }

        long startNanos = commandStartNanos();
        try {
            if (fresh) {
                DataDirLock.wipe(config.dataDir(), config.repoRoot());
                out.println("--fresh: deleted the data in " + config.dataDir());
            }
            out.println("local stack: repo " + config.repoRoot() + ", data " + config.dataDir());
            LocalStack stack = LocalStack.start(config, startNanos);
            printSummary(stack, out);
            new CountDownLatch(1).await(); // the shutdown hook stops everything on Ctrl-C / SIGTERM
            return 0;
        } catch (StackStartException e) {
            System.err.println("local stack failed: " + (e.component().equals(LocalStack.SELF) ? e.reason() : e.getMessage()));
            return 1;
        } catch (Exception e) {
            System.err.println("local stack failed: " + e);
            return 1;
        }
    }

    private static void printSummary(LocalStack stack, PrintStream out) {
        Set<String> started = stack.components();
        StringBuilder text = new StringBuilder("\n");
        if (started.contains(GATEWAY)) {
            line(text, "Portal", "http://localhost:" + stack.port(GATEWAY) + "/   (sign in: /#/signin, with a user name,"
                    + " an organization and a role)");
            line(text, "Gateway", "http://localhost:" + stack.port(GATEWAY));
            line(text, "Swagger UI", "http://localhost:" + stack.port(GATEWAY) + "/swagger-ui.html");
        }
        String metricsLabel = "Metrics";
        for (Components.Service service : Components.SERVICES) {
            if (started.contains(service.name())) {
                line(text, metricsLabel, "http://localhost:" + stack.port(service.name()) + "/actuator/prometheus   " + service.name());
                metricsLabel = "";
            }
        }
        if (started.contains(GATEWAY)) {
            line(text, metricsLabel, "http://localhost:" + stack.port(GATEWAY_MANAGEMENT_PORT) + "/actuator/prometheus   gateway");
        }
        if (started.contains(KAFKA)) {
            line(text, "Kafka", stack.kafkaBootstrapServers());
        } else if (stack.config().envValue(StackPlan.KAFKA_BOOTSTRAP_SERVERS) != null) {
            line(text, "Kafka", StackPlan.withoutCredentials(stack.kafkaBootstrapServers()) + "   (external)");
        }
        String mongoLabel = "MongoDB";
        for (Components.Service service : Components.SERVICES) {
            if (started.contains(service.store()) || started.contains(service.name())) {
                line(text, mongoLabel, StackPlan.withoutCredentials(stack.mongoUri(service.name())));
                mongoLabel = "";
            }
        }
        if (started.contains(TOKEN_ISSUER)) {
            line(text, "Token", "curl -s -X POST http://localhost:" + stack.port(TOKEN_ISSUER) + "/dev/token"
                    + " -H 'Content-Type: application/json' -d '" + TokenRequest.EXAMPLE + "'");
            line(text, "", "(a local-development issuer: never use it beyond this machine)");
        }
        line(text, "Logs", stack.config().dataDir().resolve("logs").toString());
        text.append("\nCtrl-C stops everything.\n");
        out.print(text);
        out.flush();
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format("  %-11s %s%n", label, value));
    }

    private static Set<String> components(String list) {
        Set<String> names = new LinkedHashSet<>();
        Arrays.stream(list.split(",")).map(String::trim).filter(name -> !name.isEmpty()).forEach(name -> {
            Components.requireKnown(name);
            names.add(name);
        });
        if (names.isEmpty()) {
            throw new IllegalArgumentException("--only needs at least one component");
        }
        return names;
    }

    private static String next(String[] args, int index, String flag) {
        if (index >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[index];
    }

    /** The folder holding local-stack/kafka-broker, searched upwards from the working directory. */
    private static Path repoRoot() {
        String configured = System.getProperty("local-stack.repo-root");
        if (configured != null) {
            return Path.of(configured);
        }
        Path cwd = Path.of("").toAbsolutePath();
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("local-stack/kafka-broker/pom.xml"))) {
                return dir;
            }
        }
        return cwd;
    }

    /** When run.sh started (it exports the time), else when this JVM started. */
    private static long commandStartNanos() {
        long startMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
        String fromScript = System.getenv(START_TIME_VARIABLE);
        if (fromScript != null) {
            try {
                long scriptMillis = Long.parseLong(fromScript.trim());
                if (scriptMillis <= startMillis && startMillis - scriptMillis < 600_000) { // else a stale export
                    startMillis = scriptMillis;
                }
            } catch (NumberFormatException ignored) {
                // keep the JVM's start time
            }
        }
        return System.nanoTime() - Math.max(0, System.currentTimeMillis() - startMillis) * 1_000_000;
    }
}
