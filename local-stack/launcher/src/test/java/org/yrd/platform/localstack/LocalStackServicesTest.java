package org.yrd.platform.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yrd.platform.localstack.Components.AGREEMENT_SERVICE;
import static org.yrd.platform.localstack.Components.GATEWAY;
import static org.yrd.platform.localstack.Components.GATEWAY_MANAGEMENT_PORT;
import static org.yrd.platform.localstack.Components.NEWS_SERVICE;
import static org.yrd.platform.localstack.Components.TECHTRANSFER_SERVICE;
import static org.yrd.platform.localstack.Components.TOKEN_ISSUER;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The services' and gateway's side of the launcher, with {@link FakeBootService} jars in a scratch repository and
 * external Kafka and Mongo (so no broker is needed): the environment contract, start, kill and restart, failures.
 */
class LocalStackServicesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> APPLICATIONS = List.of(AGREEMENT_SERVICE, NEWS_SERVICE, TECHTRANSFER_SERVICE, GATEWAY);
    private static final Map<String, String> EXTERNAL_INFRASTRUCTURE = Map.of(
            "KAFKA_BOOTSTRAP_SERVERS", "kafka.example:9092",
            "NEWS_MONGODB_URI", "mongodb://mongo.example:27017/news",
            "AGREEMENT_MONGODB_URI", "mongodb://mongo.example:27017/agreement",
            "TECHTRANSFER_MONGODB_URI", "mongodb://mongo.example:27017/techtransfer");

    @TempDir
    Path repoRoot;

    @TempDir
    Path dataDir;

    @Test
    void givesEveryApplicationItsEnvironmentAndRestartsOne() throws Exception {
        writeFakeJars();
        StackConfig config = StackConfig.defaults(repoRoot).withFreePorts().withDataDir(dataDir).withEnv(EXTERNAL_INFRASTRUCTURE);
        long killedPid;
        long issuerPid;

        try (LocalStack stack = LocalStack.start(config)) {
            assertThat(stack.components()).containsExactlyInAnyOrder(TOKEN_ISSUER, AGREEMENT_SERVICE, NEWS_SERVICE,
                    TECHTRANSFER_SERVICE, GATEWAY);
            String issuer = "http://localhost:" + stack.port(TOKEN_ISSUER);
            String jwks = stack.baseUrl(TOKEN_ISSUER) + "/.well-known/jwks.json";

            assertThat(env(stack, AGREEMENT_SERVICE)).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "SERVER_PORT", String.valueOf(stack.port(AGREEMENT_SERVICE)),
                    "KAFKA_BOOTSTRAP_SERVERS", "kafka.example:9092",
                    "MONGODB_URI", "mongodb://mongo.example:27017/agreement",
                    "JWT_ISSUER_URI", issuer,
                    "JWT_JWK_SET_URI", jwks));
            assertThat(env(stack, NEWS_SERVICE)).containsEntry("MONGODB_URI", "mongodb://mongo.example:27017/news");
            assertThat(env(stack, GATEWAY)).containsAllEntriesOf(Map.of(
                    "SERVER_PORT", String.valueOf(stack.port(GATEWAY)),
                    "MANAGEMENT_SERVER_PORT", String.valueOf(stack.port(GATEWAY_MANAGEMENT_PORT)),
                    "JWT_ISSUER_URI", issuer,
                    "JWT_JWK_SET_URI", jwks,
                    "AGREEMENT_SERVICE_URIS", stack.baseUrl(AGREEMENT_SERVICE),
                    "NEWS_SERVICE_URIS", stack.baseUrl(NEWS_SERVICE),
                    "TECHTRANSFER_SERVICE_URIS", stack.baseUrl(TECHTRANSFER_SERVICE)));
            assertThat(stack.logFile(NEWS_SERVICE)).isEqualTo(dataDir.resolve("logs/news-service.log"));

            killedPid = stack.pid(NEWS_SERVICE);
            stack.kill(NEWS_SERVICE);
            assertThat(isAlive(killedPid)).isFalse();
            stack.start(NEWS_SERVICE);
            assertThat(env(stack, NEWS_SERVICE)).containsEntry("SERVER_PORT", String.valueOf(stack.port(NEWS_SERVICE)));
            assertThat(Files.readString(stack.logFile(NEWS_SERVICE)))
                    .as("one separator per start").containsPattern("(?s)local-stack starts news-service.*local-stack starts news-service");
            issuerPid = stack.pid(TOKEN_ISSUER);
            killedPid = stack.pid(NEWS_SERVICE);
        }
        assertThat(isAlive(issuerPid)).isFalse();
        assertThat(isAlive(killedPid)).isFalse();
    }

    @Test
    void reportsAFailingComponentWithItsLogAndStopsTheRest() throws Exception {
        writeFakeJars();
        Map<String, String> env = new HashMap<>(EXTERNAL_INFRASTRUCTURE);
        env.put("FAKE_FAILING_COMPONENT", GATEWAY);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        StackConfig config = StackConfig.defaults(repoRoot).withFreePorts().withDataDir(dataDir).withEnv(env)
                .withProgress(new PrintStream(progress, true, StandardCharsets.UTF_8));

        assertThatThrownBy(() -> LocalStack.start(config))
                .isInstanceOfSatisfying(StackStartException.class, failure -> {
                    assertThat(failure.component()).isEqualTo(GATEWAY);
                    assertThat(failure.reason()).contains("exited with code 3");
                    assertThat(failure.logTail()).contains("fake gateway: failing on purpose");
                });

        String printed = progress.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("gateway               FAILED: exited with code 3", "---- last ", "fake gateway: failing on purpose");
        Matcher started = Pattern.compile("starting \\(pid (\\d+)").matcher(printed);
        List<Long> pids = started.results().map(match -> Long.parseLong(match.group(1))).toList();
        assertThat(pids).isNotEmpty();
        pids.forEach(pid -> assertThat(isAlive(pid)).as("pid %d left running", pid).isFalse());
    }

    @Test
    void refusesToStartWhenAServiceJarIsMissing() {
        StackConfig config = StackConfig.defaults(repoRoot).withFreePorts().withDataDir(dataDir).withEnv(EXTERNAL_INFRASTRUCTURE)
                .only(Set.of(NEWS_SERVICE)).quiet();

        assertThatThrownBy(() -> LocalStack.start(config))
                .isInstanceOf(StackStartException.class)
                .hasMessageContaining("news-service-0.1.0-SNAPSHOT.jar")
                .hasMessageContaining("--only");
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private Map<String, String> env(LocalStack stack, String component) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stack.baseUrl(component) + "/env")).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body().lines().map(line -> line.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));
    }

    /** An executable jar holding {@link FakeBootService} at every application's target/ path. */
    private void writeFakeJars() throws Exception {
        Path classes = Path.of(FakeBootService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path packageDir = classes.resolve(FakeBootService.class.getPackageName().replace('.', '/'));
        List<Path> classFiles;
        try (Stream<Path> files = Files.list(packageDir)) {
            classFiles = files.filter(file -> file.getFileName().toString().startsWith("FakeBootService")).toList();
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeBootService.class.getName());
        for (String application : APPLICATIONS) {
            Path jar = repoRoot.resolve(application).resolve("target").resolve(application + "-0.1.0-SNAPSHOT.jar");
            Files.createDirectories(jar.getParent());
            try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
                for (Path classFile : classFiles) {
                    out.putNextEntry(new JarEntry(classes.relativize(classFile).toString().replace('\\', '/')));
                    out.write(Files.readAllBytes(classFile));
                    out.closeEntry();
                }
            }
        }
    }
}
