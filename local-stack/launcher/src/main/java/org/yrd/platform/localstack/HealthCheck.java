package org.yrd.platform.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Decides whether one start of a component is healthy; polled until it says yes.
 *
 * @param description what is checked, for the message when it never passes
 */
record HealthCheck(String description, Probe probe) {

    @FunctionalInterface
    interface Probe {
        /** @param logSinceStart finds a text in what this start has logged */
        boolean passes(Predicate<String> logSinceStart);
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final Pattern STATUS_UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");

    boolean isHealthy(Predicate<String> logSinceStart) {
        return probe.passes(logSinceStart);
    }

    static HealthCheck tcp(int port) {
        return new HealthCheck("TCP 127.0.0.1:" + port, log -> accepts(port));
    }

    static HealthCheck logLine(String text) {
        return new HealthCheck("the log says '" + text + "'", log -> log.test(text));
    }

    /** GET answers 200 with a body holding {@code "status":"UP"}. */
    static HealthCheck statusUp(String url) {
        return new HealthCheck("GET " + url + " answers \"status\":\"UP\"", log -> {
            try {
                HttpResponse<String> response = HTTP.send(
                        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                return response.statusCode() == 200 && STATUS_UP.matcher(response.body()).find();
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    static HealthCheck allOf(HealthCheck... checks) {
        return new HealthCheck(describe(checks, " and "),
                log -> Arrays.stream(checks).allMatch(check -> check.isHealthy(log)));
    }

    static HealthCheck anyOf(HealthCheck... checks) {
        return new HealthCheck(describe(checks, " or "),
                log -> Arrays.stream(checks).anyMatch(check -> check.isHealthy(log)));
    }

    /** Whether something accepts TCP connections on 127.0.0.1 at this port. */
    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String describe(HealthCheck[] checks, String joiner) {
        return String.join(joiner, Arrays.stream(checks).map(HealthCheck::description).toList());
    }
}
