package org.yrd.platform.system.drills;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yrd.platform.localstack.LocalStack;
import org.yrd.platform.system.PlatformClient;
import org.yrd.platform.system.SharedPlatform;

/**
 * Drill 6: a service killed behind the gateway. Callers get fast 503 problems for every method once the breaker
 * is open, the other services are unaffected, and recovery is automatic within the breaker's open wait + 10 s.
 */
class GatewayBackendDownIT {

    /** gateway/application.yml: resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state */
    private static final Duration OPEN_WAIT = Duration.ofSeconds(10);

    private static LocalStack stack;
    private static PlatformClient client;

    @BeforeAll
    static void connect() throws Exception {
        stack = SharedPlatform.get();
        client = SharedPlatform.client();
    }

    @Test
    void aKilledServiceGivesFast503sLeavesTheOthersAloneAndRecoversByItself() throws Exception {
        String staff = client.token("drill-staff", null, "STAFF");
        stack.kill("news-service");
        List<Long> openLatencies = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try {
            // enough failures to open the breaker (minimum 10 calls in a window of 20), then a warm-up of the
            // open-breaker path (the local stack runs the gateway with the C1 compiler only)
            for (int i = 0; i < 125; i++) {
                client.get("/api/v1/news", null);
            }
            for (int i = 0; i < 300; i++) {
                PlatformClient.Response response = client.get("/api/v1/news?page=" + (i % 3), null);
                openLatencies.add(response.nanos());
                expect503(response, "GET", problems);
            }
            for (String method : List.of("POST", "PUT", "DELETE")) {
                PlatformClient.Response response = client.send(method, "/api/v1/news" + (method.equals("POST") ? ""
                        : "/some-article"), staff, method.equals("DELETE") ? null : "{}", Map.of("If-Match", "\"1\""));
                expect503(response, method, problems);
            }
            assertThat(client.get("/api/v1/organizations", null).status()).isEqualTo(200);
            assertThat(client.get("/api/v1/techtransfer/offers", null).status()).isEqualTo(200);
        } finally {
            stack.start("news-service");
        }
        long healthy = System.nanoTime();
        int status;
        do {
            Thread.sleep(250);
            status = client.get("/api/v1/news", null).status();
        } while (status != 200 && System.nanoTime() - healthy < OPEN_WAIT.plusSeconds(30).toNanos());
        double recoverySeconds = (System.nanoTime() - healthy) / 1e9;

        DrillReport.record("6 backend down behind the gateway", "news-service killed: 503 problem+json with "
                + "Retry-After for GET, POST, PUT, DELETE; with the breaker open " + Percentiles.summary(openLatencies)
                + "; agreement and techtransfer routes 200 meanwhile; 200 again " + String.format("%.1f", recoverySeconds)
                + " s after news-service was healthy (breaker open wait " + OPEN_WAIT.toSeconds() + " s)");
        assertThat(problems).isEmpty();
        assertThat(Percentiles.millis(openLatencies, 99)).isLessThanOrEqualTo(20.0);
        assertThat(status).isEqualTo(200);
        assertThat(recoverySeconds).isLessThanOrEqualTo(OPEN_WAIT.toSeconds() + 10);
    }

    private static void expect503(PlatformClient.Response response, String method, List<String> problems) {
        if (response.status() != 503 || response.header("Retry-After") == null
                || !String.valueOf(response.header("Content-Type")).startsWith("application/problem+json")) {
            problems.add(method + " → " + response.status() + " " + response.header("Content-Type"));
        }
    }
}
