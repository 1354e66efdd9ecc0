package org.yrd.platform.deploy;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Paths, parsers and external tools shared by the deploy checks. */
final class Deploy {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** The deployable components: compose service name = Kubernetes Deployment name = Maven module. */
    static final List<String> SERVICES = List.of("agreement-service", "news-service", "techtransfer-service");
    static final List<String> APPLICATIONS = List.of("agreement-service", "news-service", "techtransfer-service",
            "gateway");
    static final Map<String, Integer> PORTS = Map.of("agreement-service", 8082, "news-service", 8081,
            "techtransfer-service", 8083, "gateway", 8080);
    static final int GATEWAY_MANAGEMENT_PORT = 9080;
    static final List<String> OVERLAYS = List.of("staging", "production");

    private static final Map<String, List<Map<String, Object>>> RENDERED = new ConcurrentHashMap<>();

    private Deploy() {
    }

    /** deploy/ (the Maven module's folder). */
    static Path dir() {
        return Path.of(System.getProperty("deploy.dir", ".")).toAbsolutePath().normalize();
    }

    static Path root() {
        return dir().getParent();
    }

    static Path path(String relativeToDeploy) {
        return dir().resolve(relativeToDeploy);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    /** Every file under deploy/ except build output, sorted. */
    static List<Path> files(String... extensions) {
        try (Stream<Path> walk = Files.walk(dir())) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !dir().relativize(p).startsWith("target"))
                    .filter(p -> {
                        String name = p.getFileName().toString();
                        for (String extension : extensions) {
                            if (name.endsWith(extension)) {
                                return true;
                            }
                        }
                        return false;
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(200);
        return new Yaml(new SafeConstructor(options));
    }

    /** All documents of a YAML file (merge keys resolved). */
    static List<Object> yamlDocuments(String text) {
        List<Object> documents = new ArrayList<>();
        for (Object document : yaml().loadAll(text)) {
            if (document != null) {
                documents.add(document);
            }
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yamlMap(Path file) {
        Object document = yaml().load(read(file));
        if (!(document instanceof Map)) {
            fail(file + " is not a YAML mapping");
        }
        return (Map<String, Object>) document;
    }

    static JsonNode json(Path file) {
        return JSON.readTree(read(file));
    }

    // ---- navigation in parsed YAML ----

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String... path) {
        Object value = at(node, path);
        return value instanceof Map ? (Map<String, Object>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node, String... path) {
        Object value = at(node, path);
        return value instanceof List ? (List<Object>) value : List.of();
    }

    static String string(Object node, String... path) {
        Object value = at(node, path);
        return value == null ? null : String.valueOf(value);
    }

    static Object at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    // ---- external tools ----

    /** The tool's path, or a failing test that says how to install it (never a silent skip). */
    static String requireTool(String name, String howToInstall) {
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "" : path).split(File.pathSeparator)) {
            File candidate = new File(dir, name);
            if (candidate.isFile() && candidate.canExecute()) {
                return candidate.getAbsolutePath();
            }
        }
        for (String dir : List.of("/usr/bin", "/usr/local/bin", "/bin")) {
            File candidate = new File(dir, name);
            if (candidate.isFile() && candidate.canExecute()) {
                return candidate.getAbsolutePath();
            }
        }
        return fail("The deploy checks need `" + name + "`, which is not on the PATH. " + howToInstall);
    }

    static String kubectl() {
        return requireTool("kubectl", "Install kubectl (Kubernetes' apt repository: apt-get install -y kubectl, or "
                + "the binary from the Kubernetes release page, see https://kubernetes.io/docs/tasks/tools/); "
                + "CI's .ci/run installs it before the build.");
    }

    static String promtool() {
        return requireTool("promtool", "Install it with `apt-get update && apt-get install -y prometheus` (Debian "
                + "and Ubuntu ship promtool in the prometheus package); CI's .ci/run installs it before the build.");
    }

    record Result(int exitCode, String output) {
    }

    static Result run(Path workingDir, String... command) {
        try {
            Path log = Files.createTempFile("deploy-check", ".log");
            try {
                Process process = new ProcessBuilder(command).directory(workingDir.toFile())
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return fail(String.join(" ", command) + " did not finish in 120 s");
                }
                return new Result(process.exitValue(), Files.readString(log));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            return fail("cannot run " + String.join(" ", command) + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    /** {@code kubectl kustomize deploy/k8s/overlays/<overlay>}, parsed (rendered once per test JVM). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, name -> {
            String kubectl = kubectl();
            Result result = run(root(), kubectl, "kustomize", "deploy/k8s/overlays/" + name);
            if (result.exitCode() != 0) {
                fail("kubectl kustomize deploy/k8s/overlays/" + name + " failed:\n" + result.output());
            }
            List<Map<String, Object>> resources = new ArrayList<>();
            for (Object document : yamlDocuments(result.output())) {
                resources.add((Map<String, Object>) document);
            }
            return resources;
        });
    }

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> resources, String kind) {
        return resources.stream().filter(r -> kind.equals(r.get("kind"))).toList();
    }

    static Map<String, Object> named(List<Map<String, Object>> resources, String kind, String name) {
        return ofKind(resources, kind).stream().filter(r -> name.equals(string(r, "metadata", "name"))).findFirst()
                .orElseGet(() -> fail("no " + kind + " " + name + " in the rendered overlay"));
    }

    /** Flattens a parsed YAML tree into dotted property names (Spring style, lists as [i]). */
    static Map<String, Object> flatten(Object node) {
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", node, flat);
        return flat;
    }

    private static void flatten(String prefix, Object node, Map<String, Object> flat) {
        if (node instanceof Map<?, ?> map) {
            if (map.isEmpty() && !prefix.isEmpty()) {
                flat.put(prefix, Map.of());
            }
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value,
                    flat));
        } else if (node instanceof List<?> list) {
            flat.put(prefix, list);
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), flat);
            }
        } else {
            flat.put(prefix, node);
        }
    }
}
