package org.yrd.platform.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The single-node KRaft broker's configuration file and its one-time storage format. */
final class KafkaStorage {

    private final Path home;
    private final String java;
    private final String classpath;
    private final int brokerPort;
    private final int controllerPort;

    KafkaStorage(Path home, String java, String classpath, int brokerPort, int controllerPort) {
        this.home = home;
        this.java = java;
        this.classpath = classpath;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
    }

    Path propertiesFile() {
        return home.resolve("server.properties");
    }

    Path logDir() {
        return home.resolve("data");
    }

    /** Rewrites server.properties (ports may differ between runs) and formats the storage unless it already is. */
    void prepare(ComponentLog log) throws IOException, InterruptedException, StackStartException {
        Files.createDirectories(home);
        Files.writeString(propertiesFile(), serverProperties());
        if (Files.exists(logDir().resolve("meta.properties"))) {
            return;
        }
        List<String> format = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", classpath, "kafka.tools.StorageTool", "format",
                "-t", randomClusterId(), "-c", propertiesFile().toString()));
        log.beginStart("kafka storage format", format);
        Process process = new ProcessBuilder(format)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.file().toFile()))
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new StackStartException(Components.KAFKA, "formatting the storage took more than 60 s", log.tail(40));
        }
        if (process.exitValue() != 0) {
            throw new StackStartException(Components.KAFKA, "formatting the storage failed (exit "
                    + process.exitValue() + ")", log.tail(40));
        }
    }

    String serverProperties() {
        return """
                # Written by the local-stack launcher on every start: edits are overwritten.
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                inter.broker.listener.name=PLAINTEXT
                controller.listener.names=CONTROLLER
                log.dirs=%3$s
                num.partitions=3
                auto.create.topics.enable=true
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                min.insync.replicas=1
                group.initial.rebalance.delay.ms=0
                """.formatted(brokerPort, controllerPort, logDir().toString().replace("\\", "/"));
    }

    /** What {@code kafka-storage.sh random-uuid} prints, without starting a JVM for it. */
    static String randomClusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-")); // Kafka's Uuid never starts with '-': it would read as a command-line option
        return id;
    }
}
