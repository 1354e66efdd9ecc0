package org.yrd.platform.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.yrd.platform.localstack.LocalStack;

/**
 * The portal in a real headless Chromium (Debian's {@code /usr/bin/chromium}, driven by playwright-core) against
 * the shared running platform: the Node tests of {@code portal-tests/} run as a subprocess with the gateway's and
 * the token issuer's URLs, and their output is this test's failure message. Screenshots land in
 * {@code portal-tests/screenshots/}.
 */
class PortalBrowserIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Duration NPM_CI_TIMEOUT = Duration.ofMinutes(5);
    static final Duration TESTS_TIMEOUT = Duration.ofMinutes(8);

    @Test
    void thePortalWorksInARealBrowser() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            fail(CHROMIUM + " is missing: the portal's browser tests need Debian's Chromium. Install it with "
                    + "`apt-get install -y chromium` (.ci/run does), then run the tests again.");
        }
        Path root = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
        Path tests = root.resolve("portal-tests");
        assertThat(tests.resolve("package-lock.json")).as("the portal's Node test project").exists();

        LocalStack stack = SharedPlatform.get();
        if (!Files.isDirectory(tests.resolve("node_modules/playwright-core"))) {
            Result install = run(tests, List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), NPM_CI_TIMEOUT);
            if (install.exitCode() != 0) {
                fail("`npm ci` in portal-tests failed (exit " + install.exitCode() + "):\n" + install.output());
            }
        }
        Result result = run(tests, List.of("node", "--test", "--test-concurrency=1", "--test-reporter=spec", "tests/"),
                Map.of("GATEWAY_URL", stack.baseUrl("gateway"),
                        "TOKEN_ISSUER_URL", stack.baseUrl("token-issuer"),
                        "CHROMIUM", CHROMIUM.toString(),
                        "SCREENSHOTS_DIR", tests.resolve("screenshots").toString()),
                TESTS_TIMEOUT);
        System.out.println(result.output());
        if (result.exitCode() != 0) {
            fail("the portal's browser tests failed (exit " + result.exitCode() + "):\n" + result.output());
        }
    }

    record Result(int exitCode, String output) {
    }

    /** Runs a command, its stdout and stderr merged; a command past its timeout is killed and reported. */
    static Result run(Path dir, List<String> command, Map<String, String> env, Duration timeout)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(env);
        // colours would only garble the failure message
        builder.environment().put("NO_COLOR", "1");
        builder.environment().put("FORCE_COLOR", "0");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return new Result(127, "cannot run " + String.join(" ", command) + ": " + e.getMessage()
                    + " (the portal's browser tests need Node.js and npm on the PATH)");
        }
        process.getOutputStream().close();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            return new Result(-1, String.join(" ", command) + " did not finish in " + timeout.toSeconds() + " s:\n"
                    + output.completeOnTimeout("", 10, TimeUnit.SECONDS).join());
        }
        return new Result(process.exitValue(), output.join());
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
