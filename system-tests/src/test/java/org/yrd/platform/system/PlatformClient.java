package org.yrd.platform.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the running platform: what a partner's integration would do. */
final class PlatformClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;
    private final String issuer;

    PlatformClient(String gateway, String issuer) {
        this.gateway = gateway;
        this.issuer = issuer;
    }

    record Response(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        String text(String field) {
            return json().path(field).asString();
        }
    }

    /** A token from the local stack's dev issuer, exactly as the README's token command gets one. */
    String token(String subject, String organizationId, String... roles) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(java.util.Map.of("sub", subject, "org",
                organizationId == null ? "" : organizationId, "roles", java.util.List.of(roles), "ttlSeconds", 3600));
        if (organizationId == null) {
            body = JSON.writeValueAsString(java.util.Map.of("sub", subject, "roles", java.util.List.of(roles),
                    "ttlSeconds", 3600));
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(issuer + "/dev/token"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token request failed: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).path("access_token").asString();
    }

    Response get(String path, String token) throws IOException, InterruptedException {
        return send(builder(path, token).GET());
    }

    Response post(String path, String token, String json) throws IOException, InterruptedException {
        return send(builder(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder builder(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : gateway + path))
                .timeout(Duration.ofSeconds(20));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body());
    }
}
