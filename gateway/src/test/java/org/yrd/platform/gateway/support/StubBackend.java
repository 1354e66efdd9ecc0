package org.yrd.platform.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP backend for the gateway tests: answers every request with a JSON echo of what it received
 * (service, method, path, query, headers, body length). Query parameters steer it: {@code stubStatus=500}
 * answers that status, {@code stubDelayMs=2000} answers late.
 */
public final class StubBackend implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String name;
    private final int port;
    private final List<ReceivedRequest> received = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private ExecutorService executor;

    private StubBackend(String name, int port) {
        this.name = name;
        this.port = port;
    }

    public static StubBackend start(String name) {
        return start(name, 0);
    }

    public static StubBackend start(String name, int port) {
        StubBackend backend = new StubBackend(name, port);
        backend.startServer();
        return backend;
    }

    private void startServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot start stub " + name + " on port " + port, e);
        }
        executor = Executors.newFixedThreadPool(8);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a new stub on the port this one used, e.g. after {@link #close()} to simulate a restart. */
    public StubBackend restart() {
        return start(name, port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUri() {
        return "http://127.0.0.1:" + port();
    }

    public List<ReceivedRequest> received() {
        return List.copyOf(received);
    }

    public long count(String method, String path) {
        return received.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String query = exchange.getRequestURI().getRawQuery();
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((key, values) -> headers.put(key.toLowerCase(Locale.ROOT), values));
            ReceivedRequest request = new ReceivedRequest(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), query, headers, body.length);
            received.add(request);

            sleep(queryParam(query, "stubDelayMs"));
            String status = queryParam(query, "stubStatus");
            Map<String, Object> echo = new LinkedHashMap<>();
            echo.put("service", name);
            echo.put("method", request.method());
            echo.put("path", request.path());
            echo.put("query", query);
            echo.put("headers", headers);
            echo.put("bodyLength", body.length);
            byte[] answer = JSON.writeValueAsString(echo).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            // a banner the gateway must not pass on
            exchange.getResponseHeaders().set("Server", "stub-backend/1.0");
            exchange.sendResponseHeaders(status == null ? 200 : Integer.parseInt(status), answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    private static String queryParam(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts[0].equals(name) && parts.length == 2) {
                return parts[1];
            }
        }
        return null;
    }

    private static void sleep(String millis) {
        if (millis == null) {
            return;
        }
        try {
            Thread.sleep(Long.parseLong(millis));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    public record ReceivedRequest(String method, String path, String query, Map<String, List<String>> headers,
                                  int bodyLength) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }
    }
}
