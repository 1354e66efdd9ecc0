package org.yrd.platform.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yrd.platform.events.Topics;
import org.yrd.platform.localstack.LocalStack;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Metric drift: every metric a Grafana dashboard (deploy/grafana/dashboards) or a Prometheus alert rule
 * (deploy/prometheus/alerts.yml) uses is exposed by the running platform's {@code /actuator/prometheus}
 * (the three services on their port, the gateway on its management port).
 *
 * <p>Tagged meters exist only from their first use, so the test first drives the platform through the gateway
 * (organizations, an agreement signed with an overdue milestone, an offer and a request reviewed, ranked, matched
 * and closed as a deal, an article published, a search) and dead-letters one deliberately malformed record (the
 * only way {@code kafka_dlt_records_total} appears), then compares.
 */
class MetricDriftIT {

    /** Series Prometheus makes itself; no application exposes them. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped",
            "scrape_series_added", "scrape_samples_post_metric_relabeling", "ALERTS", "ALERTS_FOR_STATE");

    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "bool", "and", "or", "unless", "offset", "atan2", "inf", "nan",
            // aggregation operators may be followed by a by/without clause instead of "("
            "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values", "bottomk", "topk",
            "quantile", "limitk", "limit_ratio");
    private static final Set<String> GROUPING = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static LocalStack stack;
    private static PlatformClient client;

    /** An HTTP answer (this test's own, so it does not depend on the shape of PlatformClient's). */
    record Reply(int status, String body) {
        String text(String field) {
            return JSON.readTree(body).path(field).asString();
        }
    }

    @BeforeAll
    static void startPlatform() throws Exception {
        stack = SharedPlatform.get();
        client = SharedPlatform.client();
    }

    @Test
    void everyMetricUsedByADashboardOrAnAlertRuleIsExposedByTheRunningPlatform() throws Exception {
        Map<String, Set<String>> used = usedMetrics();
        assertThat(used).as("metrics used by dashboards and alert rules").hasSizeGreaterThan(20);

        driveTraffic();
        deadLetterOneMalformedRecord();

        // gauges and histograms of consumers appear asynchronously; the overdue scan runs once a minute
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> {
            Set<String> exposed = exposedMetrics();
            Map<String, String> missing = new TreeMap<>();
            used.forEach((metric, files) -> {
                if (!exposed.contains(metric)) {
                    missing.put(metric, "used in " + files + "; exposed names starting alike: "
                            + similar(metric, exposed));
                }
            });
            assertThat(missing).as("metrics used by deploy/ but not exposed by the running platform").isEmpty();
        });
    }

    // ---------------------------------------------------------------- what deploy/ uses

    static Map<String, Set<String>> usedMetrics() throws IOException {
        Path deploy = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize().resolve("deploy");
        Map<String, Set<String>> used = new TreeMap<>();
        List<Path> dashboards;
        try (Stream<Path> files = Files.list(deploy.resolve("grafana/dashboards"))) {
            dashboards = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(dashboards).as("dashboards").isNotEmpty();
        for (Path dashboard : dashboards) {
            List<String> expressions = new ArrayList<>();
            collectDashboardQueries(JSON.readTree(Files.readString(dashboard)), expressions);
            record(used, expressions, deploy.relativize(dashboard).toString());
        }
        Path alerts = deploy.resolve("prometheus/alerts.yml");
        record(used, alertExpressions(Files.readString(alerts)), deploy.relativize(alerts).toString());
        PROMETHEUS_OWN.forEach(used::remove);
        return used;
    }

    private static void record(Map<String, Set<String>> used, List<String> expressions, String file) {
        for (String expression : expressions) {
            for (String metric : metricNames(expression)) {
                used.computeIfAbsent(metric, m -> new TreeSet<>()).add(file);
            }
        }
    }

    /** Every panel query ("expr") and every query variable's query (label_values(selector, label)). */
    private static void collectDashboardQueries(JsonNode node, List<String> expressions) {
        if (node.isObject()) {
            JsonNode expr = node.get("expr");
            if (expr != null && expr.isString()) {
                expressions.add(expr.asString());
            }
            if ("query".equals(node.path("type").asString()) && node.has("query")) {
                JsonNode query = node.get("query");
                String text = query.isString() ? query.asString() : query.path("query").asString();
                int open = text.indexOf('(');
                int comma = text.lastIndexOf(',');
                if (text.startsWith("label_values(") && comma > open) {
                    expressions.add(text.substring(open + 1, comma));
                } else if (!text.isBlank() && !text.startsWith("label_values(") && !text.startsWith("label_names(")) {
                    expressions.add(text);
                }
            }
            node.properties().forEach(entry -> {
                if (!entry.getKey().equals("expr")) {
                    collectDashboardQueries(entry.getValue(), expressions);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectDashboardQueries(child, expressions));
        }
    }

    /** The {@code expr} values of a rule file: single-line values and block scalars (|, >, >-). */
    static List<String> alertExpressions(String yaml) {
        List<String> expressions = new ArrayList<>();
        String[] lines = yaml.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.trim();
            if (!trimmed.startsWith("expr:")) {
                continue;
            }
            String value = trimmed.substring("expr:".length()).trim();
            if (value.matches("[|>][-+]?")) {
                int indent = line.indexOf("expr:");
                StringBuilder block = new StringBuilder();
                while (i + 1 < lines.length && (lines[i + 1].isBlank()
                        || lines[i + 1].length() - lines[i + 1].stripLeading().length() > indent)) {
                    block.append(lines[++i].trim()).append(' ');
                }
                expressions.add(block.toString());
            } else {
                expressions.add(value.replaceAll("^['\"]|['\"]$", ""));
            }
        }
        return expressions;
    }

    /** Metric names in a PromQL expression: identifiers outside label matchers, ranges, strings and clauses. */
    static Set<String> metricNames(String expression) {
        Set<String> names = new TreeSet<>();
        int i = 0;
        int n = expression.length();
        while (i < n) {
            char c = expression.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(expression, i);
            } else if (c == '{') {
                i = skipBlock(expression, i, '{', '}');
            } else if (c == '[') {
                i = skipBlock(expression, i, '[', ']');
            } else if (c == '$') {
                i++;
                while (i < n && (Character.isLetterOrDigit(expression.charAt(i)) || "_{}".indexOf(expression.charAt(i)) >= 0)) {
                    i++;
                }
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(expression.charAt(i + 1)))) {
                while (i < n && (Character.isLetterOrDigit(expression.charAt(i)) || expression.charAt(i) == '.')) {
                    i++;
                }
            } else if (Character.isLetter(c) || c == '_' || c == ':') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(expression.charAt(i)) || "_:".indexOf(expression.charAt(i)) >= 0)) {
                    i++;
                }
                String identifier = expression.substring(start, i);
                int next = i;
                while (next < n && Character.isWhitespace(expression.charAt(next))) {
                    next++;
                }
                boolean call = next < n && expression.charAt(next) == '(';
                String lower = identifier.toLowerCase(Locale.ROOT);
                if (GROUPING.contains(lower) && call) {
                    i = skipBlock(expression, next, '(', ')');
                } else if (!KEYWORDS.contains(lower) && !call) {
                    names.add(identifier);
                }
            } else {
                i++;
            }
        }
        return names;
    }

    private static int skipString(String text, int start) {
        char quote = text.charAt(start);
        int i = start + 1;
        while (i < text.length() && text.charAt(i) != quote) {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }

    private static int skipBlock(String text, int start, char open, char close) {
        int depth = 0;
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(text, i);
                continue;
            }
            if (c == open) {
                depth++;
            } else if (c == close && --depth == 0) {
                return i + 1;
            }
            i++;
        }
        return i;
    }

    // ---------------------------------------------------------------- what the platform exposes

    private static Set<String> exposedMetrics() throws Exception {
        Set<String> names = new TreeSet<>();
        List<String> endpoints = new ArrayList<>();
        for (String service : List.of("agreement-service", "news-service", "techtransfer-service")) {
            endpoints.add(stack.baseUrl(service) + "/actuator/prometheus");
        }
        endpoints.add(stack.baseUrl("gateway-management") + "/actuator/prometheus");
        for (String endpoint : endpoints) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(endpoint))
                    .timeout(Duration.ofSeconds(20)).header("Accept", "text/plain").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(endpoint).isEqualTo(200);
            for (String line : response.body().split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    int end = 0;
                    while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                        end++;
                    }
                    names.add(line.substring(0, end));
                }
            }
        }
        return names;
    }

    private static List<String> similar(String metric, Set<String> exposed) {
        String[] words = metric.split("_");
        String stem = words.length > 1 ? words[0] + "_" + words[1] : metric;
        return exposed.stream().filter(name -> name.startsWith(stem)).limit(12).toList();
    }

    // ---------------------------------------------------------------- traffic

    private static void driveTraffic() throws Exception {
        String staff = client.token("metric-drift-staff", null, "STAFF");
        String offerOwner = register(staff, "Metric Drift Optics Co.", "310118");
        String requestOwner = register(staff, "Metric Drift Battery Works", "320509");

        // agreements_drafted_total, agreements_transitions_total, milestones_overdue_total (scan once a minute);
        // the signed agreement also makes news-service draft an article (news_articles_drafted_total) and both
        // consumers time its propagation (events_propagation_seconds)
        String agreement = created(send("POST", "/api/v1/agreements", staff, null, """
                {"title": {"en-US": "Metric drift cooperation framework"}, "type": "COOPERATION_FRAMEWORK",
                 "parties": [{"organizationId": "%s"}, {"organizationId": "%s"}],
                 "cooperationAreas": ["SCIENCE_TECHNOLOGY"],
                 "summary": {"en-US": "Exercises the platform's metrics."},
                 "effectiveFrom": "2019-07-23", "effectiveTo": "2099-12-31"}""".formatted(offerOwner, requestOwner)));
        expect(send("POST", "/api/v1/agreements/" + agreement + "/sign", staff, null, """
                {"signedAt": "2019-07-23T02:00:00Z", "place": "Qingpu, Shanghai", "signatories": [
                  {"name": "Signatory A", "title": "Director", "organizationId": "%s"},
                  {"name": "Signatory B", "title": "Director", "organizationId": "%s"}]}"""
                .formatted(offerOwner, requestOwner)), 200);
        expect(send("POST", "/api/v1/agreements/" + agreement + "/milestones", staff, null,
                "{\"title\": {\"en-US\": \"Already overdue\"}, \"dueDate\": \"2019-10-31\"}"), 201, 200);

        // techtransfer_offers_total, techtransfer_requests_total (once techtransfer knows both organizations)
        String offerToken = client.token("metric-drift-a", offerOwner, "PARTNER");
        String requestToken = client.token("metric-drift-b", requestOwner, "PARTNER");
        String[] offer = new String[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Reply response = send("POST", "/api/v1/techtransfer/offers", offerToken, null, """
                    {"title": {"en-US": "Solid-state battery electrolyte"},
                     "summary": {"en-US": "A safe solid electrolyte for lithium batteries"},
                     "field": "NEW_ENERGY_ENERGY_SAVING", "keywords": ["electrolyte", "battery"], "trl": 6,
                     "ipStatus": "PATENT_GRANTED", "patentNumbers": ["CN110000000B"], "transferModes": ["LICENSE"],
                     "askingPrice": {"amount": 1500000, "currency": "CNY"}, "region": "310118"}""");
            assertThat(response.status()).as(response.body()).isEqualTo(201);
            offer[0] = response.text("id");
        });
        String[] request = new String[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Reply response = send("POST", "/api/v1/techtransfer/requests", requestToken, null, """
                    {"title": {"en-US": "Safer electrolyte for battery packs"},
                     "description": {"en-US": "We need a safer electrolyte for our battery packs"},
                     "field": "NEW_ENERGY_ENERGY_SAVING", "keywords": ["electrolyte", "battery"], "requiredTrlMin": 5,
                     "budget": {"min": 500000, "max": 2000000, "currency": "CNY"}, "acceptableModes": ["LICENSE"],
                     "region": "320509"}""");
            assertThat(response.status()).as(response.body()).isEqualTo(201);
            request[0] = response.text("id");
        });
        String approve = "{\"decision\": \"APPROVE\", \"reason\": \"metric drift\"}";
        expect(send("POST", "/api/v1/techtransfer/offers/" + offer[0] + "/review", staff, null, approve), 200);
        expect(send("POST", "/api/v1/techtransfer/requests/" + request[0] + "/review", staff, null, approve), 200);

        // techtransfer_matching_queries_seconds, techtransfer_matches_transitions_total, techtransfer_deals_total,
        // techtransfer_deals_value_CNY (DealClosed also makes news-service draft a success story)
        expect(send("GET", "/api/v1/techtransfer/requests/" + request[0] + "/matches?limit=10", requestToken, null,
                null), 200);
        expect(send("GET", "/api/v1/techtransfer/offers/" + offer[0] + "/matches?limit=10", offerToken, null, null),
                200);
        String match = created(send("POST", "/api/v1/techtransfer/matches", requestToken, null,
                "{\"requestId\": \"%s\", \"offerId\": \"%s\"}".formatted(request[0], offer[0])));
        expect(send("POST", "/api/v1/techtransfer/matches/" + match + "/accept", offerToken, null, null), 200);
        expect(send("POST", "/api/v1/techtransfer/matches/" + match + "/close-deal", staff, null, """
                {"mode": "LICENSE", "value": {"amount": 1200000, "currency": "CNY"},
                 "signedAt": "2026-06-30T08:00:00Z"}"""), 200);

        // news_articles_drafted_total, news_articles_published_total, news_search_seconds
        String article = created(send("POST", "/api/v1/news", staff, null, """
                {"title": {"en-US": "Metric drift news"}, "summary": {"en-US": "Exercises the news metrics."},
                 "body": {"en-US": "Body text."}, "category": "TECH_TRANSFER", "regions": ["310118"],
                 "tags": ["metrics"]}"""));
        expect(send("POST", "/api/v1/news/" + article + "/publish", staff, "\"1\"", null), 200);
        expect(send("GET", "/api/v1/news?q=electrolyte", null, null, null), 200);

        // http_server_requests with a 4xx, for the gateway's rejection panels
        expect(send("POST", "/api/v1/organizations", null, null, "{}"), 401);
    }

    private static String register(String staff, String name, String region) throws Exception {
        return created(send("POST", "/api/v1/organizations", staff, null,
                "{\"name\": {\"en-US\": \"" + name + "\"}, \"type\": \"ENTERPRISE\", \"region\": \"" + region + "\"}"));
    }

    private static String created(Reply response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.text("id");
    }

    private static void expect(Reply response, Integer... statuses) {
        assertThat(response.status()).as(response.body()).isIn((Object[]) statuses);
    }

    /** A request through the gateway; a 429 (other tests share the rate-limit buckets) is retried. */
    private static Reply send(String method, String path, String token, String ifMatch,
                                                String json) throws Exception {
        String gateway = stack.baseUrl("gateway");
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(gateway + path))
                    .timeout(Duration.ofSeconds(20))
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                builder.header("Content-Type", "application/json");
            }
            if (token != null) {
                builder.header("Authorization", "Bearer " + token);
            }
            if (ifMatch != null) {
                builder.header("If-Match", ifMatch);
            }
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 429 || attempt == 20) {
                return new Reply(response.statusCode(), response.body());
            }
            long wait = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
            Thread.sleep(Math.min(wait, 5) * 1000);
        }
    }

    /**
     * kafka_dlt_records_total is registered on the first dead-lettered record (platform-commons' KafkaDeadLetters),
     * so one is provoked: a JSON object on organizations.v1 that is no event envelope (no eventId, occurredAt,
     * payload). techtransfer-service's ErrorHandlingDeserializer rejects it and it goes to organizations.v1.DLT.
     * Other readers of the topic see a JSON object of an unknown type and skip it.
     */
    private static void deadLetterOneMalformedRecord() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        String id = "metric-drift-probe-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.ORGANIZATIONS, id,
                    "{\"type\": \"MetricDriftProbe\", \"aggregateId\": \"" + id + "\", \"note\": \"deliberately "
                            + "not an event envelope: MetricDriftIT dead-letters it\"}")).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish the malformed record", e);
        }
    }
}
