package org.yrd.platform.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the running platform: what a partner's integration would do. */
public final class PlatformClient {

    static final JsonMapper JSON = PlatformJson.MAPPER;

    // HTTP/1.1 like curl and the portal's browser: no h2c upgrade attempts on plain-text connections
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;
    private final String issuer;

    PlatformClient(String gateway, String issuer) {
        this.gateway = gateway;
        this.issuer = issuer;
    }

    public record Response(int status, String body, Map<String, List<String>> headers, long nanos) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String text(String field) {
            return json().path(field).asString();
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst().map(e -> e.getValue().get(0)).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** A token from the local stack's dev issuer, exactly as the README's token command gets one. */
    public String token(String subject, String organizationId, String... roles) throws IOException, InterruptedException {
        Map<String, Object> claims = organizationId == null
                ? Map.of("sub", subject, "roles", List.of(roles), "ttlSeconds", 3600)
                : Map.of("sub", subject, "org", organizationId, "roles", List.of(roles), "ttlSeconds", 3600);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(issuer + "/dev/token"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(claims))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token request failed: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).path("access_token").asString();
    }

    public Response get(String path, String token) throws IOException, InterruptedException {
        return send("GET", path, token, null, Map.of());
    }

    public Response post(String path, String token, String json) throws IOException, InterruptedException {
        return send("POST", path, token, json, Map.of());
    }

    public Response put(String path, String token, String ifMatch, String json) throws IOException, InterruptedException {
        return send("PUT", path, token, json, ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
    }

    public Response send(String method, String path, String token, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request(method, path, token, body, headers),
                HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body(), response.headers().map(), System.nanoTime() - start);
    }

    /** Sends raw bytes, for bodies that are not valid text (invalid UTF-8). */
    public Response sendBytes(String method, String path, String token, byte[] body) throws IOException,
            InterruptedException {
        return sendBytes(method, path, token, body, Map.of());
    }

    /** Sends raw bytes with extra headers (an If-Match for an edit). */
    public Response sendBytes(String method, String path, String token, byte[] body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(builder::header);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body(), response.headers().map(), System.nanoTime() - start);
    }

    /** Fire-and-collect, for the load generators: the response arrives on the client's executor. */
    public CompletableFuture<Response> sendAsync(String method, String path, String token, String body) {
        long start = System.nanoTime();
        return http.sendAsync(request(method, path, token, body, Map.of()), HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Response(r.statusCode(), r.body(), r.headers().map(), System.nanoTime() - start));
    }

    private HttpRequest request(String method, String path, String token, String body, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : gateway + path))
                .timeout(Duration.ofSeconds(20));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        headers.forEach(builder::header);
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        return builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
