import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The image's HEALTHCHECK: the JRE image has no curl or wget, so a tiny class (compiled in the build stage)
 * asks the service's readiness group. Exit 0 when it answers 200 with status UP, 1 otherwise.
 *
 * <p>Usage: {@code java -cp /opt/healthcheck HealthCheck [url]}. Without an argument it asks
 * {@code http://127.0.0.1:$SERVER_PORT/actuator/health/readiness} (the gateway mirrors its readiness group on its
 * public port, so the same default works for every image).
 */
public final class HealthCheck {

    private HealthCheck() {
    }

    public static void main(String[] args) {
        String port = System.getenv().getOrDefault("SERVER_PORT", "8080");
        String url = args.length > 0 ? args[0] : "http://127.0.0.1:" + port + "/actuator/health/readiness";
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(2000);
            connection.setReadTimeout(3000);
            connection.setRequestProperty("Accept", "application/json");
            int status = connection.getResponseCode();
            String body;
            try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                body = in == null ? "" : new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            }
            if (status == 200 && body.replace(" ", "").contains("\"status\":\"UP\"")) {
                System.exit(0);
            }
            System.err.println("unhealthy: " + url + " answered " + status + " " + body);
        } catch (Exception e) {
            System.err.println("unhealthy: " + url + " " + e);
        }
        System.exit(1);
    }
}
