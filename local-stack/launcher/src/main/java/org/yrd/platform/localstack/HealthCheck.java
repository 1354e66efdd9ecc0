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

/** Decides whether one start of a component is healthy; called repeatedly until it says yes. */
interface HealthCheck {

    /**
     * @param logSinceStart finds a text in what this start has logged
     */
    boolean isHealthy(Predicate<String> logSinceStart);

    String description();

    HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    Pattern STATUS_UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");

    static HealthCheck tcp(int port) {
        return new HealthCheck() {
            @Override
            public boolean isHealthy(Predicate<String> logSinceStart) {
                return accepts(port);
            }

            @Override
            public String description() {
                return "TCP 127.0.0.1:" + port;
            }
        };
    }

    static HealthCheck logLine(String text) {
        return new HealthCheck() {
            @Override
            public boolean isHealthy(Predicate<String> logSinceStart) {
                return logSinceStart.test(text);
            }

            @Override
            public String description() {
                return "log says '" + text + "'";
            }
        };
    }

    /** GET answers 200 and, when {@code expectStatusUp}, a body with {@code "status":"UP"}. */
    static HealthCheck http(String url, boolean expectStatusUp) {
        return new HealthCheck() {
            @Override
            public boolean isHealthy(Predicate<String> logSinceStart) {
                try {
                    HttpResponse<String> response = HTTP.send(
                            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    return response.statusCode() == 200 && (!expectStatusUp || STATUS_UP.matcher(response.body()).find());
                } catch (IOException e) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }

            @Override
            public String description() {
                return "GET " + url;
            }
        };
    }

    static HealthCheck allOf(HealthCheck... checks) {
        return new HealthCheck() {
            @Override
            public boolean isHealthy(Predicate<String> logSinceStart) {
                return Arrays.stream(checks).allMatch(check -> check.isHealthy(logSinceStart));
            }

            @Override
            public String description() {
                return String.join(" and ", Arrays.stream(checks).map(HealthCheck::description).toList());
            }
        };
    }

    static HealthCheck anyOf(HealthCheck... checks) {
        return new HealthCheck() {
            @Override
            public boolean isHealthy(Predicate<String> logSinceStart) {
                return Arrays.stream(checks).anyMatch(check -> check.isHealthy(logSinceStart));
            }

            @Override
            public String description() {
                return String.join(" or ", Arrays.stream(checks).map(HealthCheck::description).toList());
            }
        };
    }

    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
