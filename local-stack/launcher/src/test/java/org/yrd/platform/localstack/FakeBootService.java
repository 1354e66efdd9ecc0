package org.yrd.platform.localstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * Stands in for a Spring Boot service jar in tests: serves {@code /actuator/health} and echoes the environment
 * contract at {@code /env}. Like the gateway, it serves health on {@code MANAGEMENT_SERVER_PORT} when that is set.
 * It exits with code 3 when it is the component named by {@code FAKE_FAILING_COMPONENT}.
 */
public final class FakeBootService {

    static final List<String> CONTRACT = List.of("SERVER_PORT", "MANAGEMENT_SERVER_PORT", "KAFKA_BOOTSTRAP_SERVERS",
            "MONGODB_URI", "JWT_ISSUER_URI", "JWT_JWK_SET_URI", "AGREEMENT_SERVICE_URIS", "NEWS_SERVICE_URIS",
            "TECHTRANSFER_SERVICE_URIS");

    public static void main(String[] args) throws Exception {
        String component = System.getProperty("local-stack.component");
        if (component != null && component.equals(System.getenv("FAKE_FAILING_COMPONENT"))) {
            System.out.println("fake " + component + ": failing on purpose");
            System.exit(3);
        }
        String managementPort = System.getenv("MANAGEMENT_SERVER_PORT");
        HttpServer main = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(System.getenv("SERVER_PORT"))), 0);
        main.createContext("/env", exchange -> send(exchange, 200, environment()));
        if (managementPort == null) {
            main.createContext("/actuator/health", exchange -> send(exchange, 200, "{\"status\":\"UP\"}"));
        } else {
            HttpServer management = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(managementPort)), 0);
            management.createContext("/actuator/health", exchange -> send(exchange, 200, "{\"status\":\"UP\"}"));
            management.start();
        }
        main.start();
        System.out.println("fake " + component + " up");
        new CountDownLatch(1).await();
    }

    /** One {@code NAME=value} line per contract variable that is set. */
    private static String environment() {
        return CONTRACT.stream().filter(name -> System.getenv(name) != null)
                .map(name -> name + "=" + System.getenv(name)).collect(Collectors.joining("\n"));
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private FakeBootService() {}
}
