package org.yrd.platform.system.drills;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yrd.platform.localstack.LocalStack;
import org.yrd.platform.system.PlatformClient;
import org.yrd.platform.system.PlatformJson;
import org.yrd.platform.system.SharedPlatform;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A generated corpus of malformed and hostile requests across the write endpoints: wrong types, missing fields,
 * unknown enums, huge strings, deep JSON, invalid UTF-8, unicode edge cases, Mongo operators in values and keys,
 * script payloads, negative or NaN money, invalid regions, impossible dates. Targets: 0 responses ≥ 500, 0
 * internal names in any response, and nothing stored by a refused request.
 */
class HostileInputIT {

    private static final Pattern INTERNALS = Pattern.compile(
            "Exception|\\tat |java\\.|javax\\.|jakarta\\.|org\\.springframework|com\\.mongodb|org\\.apache|"
                    + "tools\\.jackson|com\\.fasterxml|org\\.yrd|MongoDB|KafkaTemplate|StackTrace");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> COLLECTIONS = List.of("agreement-service:organizations",
            "agreement-service:agreements", "news-service:articles", "techtransfer-service:offers",
            "techtransfer-service:requests", "techtransfer-service:matches");

    private static LocalStack stack;
    private static PlatformClient client;
    private static Fixtures fixtures;
    private static Stores stores;

    record Endpoint(String name, String method, String path, String token, String template) {
        Endpoint(String name, String path, String token, String template) {
            this(name, "POST", path, token, template);
        }
    }

    @BeforeAll
    static void setUp() throws Exception {
        stack = SharedPlatform.get();
        client = SharedPlatform.client();
        fixtures = new Fixtures(client).create();
        stores = new Stores(stack);
    }

    @Test
    void aThousandHostileRequestsGiveNo5xxNoInternalsAndStoreNothing() throws Exception {
        String staff = fixtures.staff();
        String partner = fixtures.tokens.get("A");
        List<Endpoint> endpoints = List.of(
                new Endpoint("register organization", "/api/v1/organizations", staff, "organization"),
                new Endpoint("draft agreement", "/api/v1/agreements", staff, "agreement"),
                new Endpoint("sign agreement", "/api/v1/agreements/" + fixtures.ids.get("agrToSign") + "/sign", staff,
                        "signing"),
                new Endpoint("add milestone", "/api/v1/agreements/" + fixtures.ids.get("agrSigned") + "/milestones",
                        staff, "milestone"),
                new Endpoint("create article", "/api/v1/news", staff, "article"),
                new Endpoint("submit offer", "/api/v1/techtransfer/offers", partner, "offer"),
                new Endpoint("submit request", "/api/v1/techtransfer/requests", partner, "request"),
                new Endpoint("review offer", "/api/v1/techtransfer/offers/" + fixtures.ids.get("offerToReviewA")
                        + "/review", staff, "approve"),
                new Endpoint("propose match", "/api/v1/techtransfer/matches", partner, "match"),
                new Endpoint("decline match", "/api/v1/techtransfer/matches/" + fixtures.ids.get("matchToDecline")
                        + "/decline", fixtures.tokens.get("B"), "decline"),
                new Endpoint("close deal", "/api/v1/techtransfer/matches/" + fixtures.ids.get("matchToClose")
                        + "/close-deal", staff, "deal"),
                new Endpoint("edit agreement", "PUT", "/api/v1/agreements/" + fixtures.ids.get("agrDraft"), staff,
                        "agreement"),
                new Endpoint("edit article", "PUT", "/api/v1/news/" + fixtures.ids.get("newsDraft"), staff, "article"),
                new Endpoint("edit offer", "PUT", "/api/v1/techtransfer/offers/" + fixtures.ids.get("offerSubmittedA"),
                        partner, "offer"),
                new Endpoint("edit request", "PUT", "/api/v1/techtransfer/requests/"
                        + fixtures.ids.get("requestToReviewA"), partner, "request"));

        Map<String, Long> before = counts();
        // an edit's target changes version once per accepted edit, and never for a refused one
        Map<String, Long> versionsBefore = new LinkedHashMap<>();
        Map<String, Integer> acceptedEdits = new LinkedHashMap<>();
        for (Endpoint endpoint : endpoints) {
            if (endpoint.method().equals("PUT")) {
                versionsBefore.put(endpoint.path(), version(endpoint.path(), staff));
                acceptedEdits.put(endpoint.path(), 0);
            }
        }
        Map<String, Integer> statuses = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        int accepted = 0;
        int cases = 0;
        Random random = new Random(20190723);
        while (cases < 1000) {
            for (Endpoint endpoint : endpoints) {
                for (Case hostile : corpus(fixtures.body(endpoint.template()), random)) {
                    // an edit carries the current version, so that it is the body, not a stale If-Match, that is judged
                    Map<String, String> headers = endpoint.method().equals("PUT")
                            ? Map.of("If-Match", client.get(endpoint.path(), staff).header("ETag")) : Map.of();
                    PlatformClient.Response response = hostile.raw() != null
                            ? client.sendBytes(endpoint.method(), endpoint.path(), endpoint.token(), hostile.raw(), headers)
                            : client.send(endpoint.method(), endpoint.path(), endpoint.token(), hostile.json(), headers);
                    cases++;
                    statuses.merge(String.valueOf(response.status()), 1, Integer::sum);
                    String label = endpoint.name() + " / " + hostile.name();
                    if (response.status() >= 500) {
                        failures.add(label + ": " + response.status() + " " + abbreviate(response.body()));
                    }
                    if (response.body() != null && INTERNALS.matcher(response.body()).find()) {
                        failures.add(label + ": internals in response " + abbreviate(response.body()));
                    }
                    if (response.status() / 100 == 2) {
                        accepted++;
                        acceptedEdits.computeIfPresent(endpoint.path(), (path, n) -> n + 1);
                        if (!hostile.mayBeValid()) {
                            failures.add(label + ": accepted (" + response.status() + ")");
                        }
                    }
                }
            }
        }
        Map<String, Long> after = counts();
        long created = 0;
        for (String collection : COLLECTIONS) {
            created += after.get(collection) - before.get(collection);
        }
        DrillReport.record("hostile input", cases + " requests over " + endpoints.size() + " write endpoints; statuses "
                + statuses + "; " + accepted + " accepted (valid edge cases); " + created + " documents created; "
                + failures.size() + " failures" + (failures.isEmpty() ? "" : ": " + failures.subList(0,
                Math.min(20, failures.size()))));
        assertThat(failures).isEmpty();
        assertThat(created).as("documents created only by accepted requests").isLessThanOrEqualTo(accepted);
        for (Map.Entry<String, Long> edited : versionsBefore.entrySet()) {
            assertThat(version(edited.getKey(), staff) - edited.getValue())
                    .as("versions of %s: one per accepted edit, none for a refused one", edited.getKey())
                    .isEqualTo(acceptedEdits.get(edited.getKey()).longValue());
        }
        assertThat(client.get("/api/v1/agreements/" + fixtures.ids.get("agrToSign"), staff).text("status"))
                .as("a refused signing leaves the draft as it was").isIn("DRAFT", "SIGNED");
    }

    private static long version(String path, String token) throws Exception {
        return Long.parseLong(client.get(path, token).header("ETag").replaceAll("[^0-9]", ""));
    }

    /** One hostile request: a JSON text, or raw bytes; {@code mayBeValid} for edge cases a server may accept. */
    record Case(String name, String json, byte[] raw, boolean mayBeValid) {
        static Case json(String name, String json) {
            return new Case(name, json, null, false);
        }
    }

    /** Fields whose values come from a closed set: any other string is invalid. */
    private static final java.util.Set<String> ENUM_FIELDS = java.util.Set.of("type", "category", "field", "ipStatus",
            "decision", "reasonCode", "mode", "region");

    private static List<Case> corpus(String validBody, Random random) {
        List<Case> cases = new ArrayList<>();
        for (Case hostile : rawCorpus(validBody, random)) {
            // a mutation that found nothing to mutate is the valid body again, not a hostile case
            if (hostile.raw() != null || !PlatformJson.MAPPER.readTree(validBody).equals(parseOrNull(hostile.json()))) {
                cases.add(hostile);
            }
        }
        return cases;
    }

    private static JsonNode parseOrNull(String json) {
        try {
            return PlatformJson.MAPPER.readTree(json);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static List<Case> rawCorpus(String validBody, Random random) {
        ObjectNode valid = (ObjectNode) PlatformJson.MAPPER.readTree(validBody);
        List<Case> cases = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        valid.propertyNames().forEach(fields::add);
        for (String field : fields) {
            // an optional field may legitimately be left out
            cases.add(new Case("missing " + field, with(valid, field, null, true), null, true));
            cases.add(Case.json(field + " as number", with(valid, field, NODES.numberNode(-1), false)));
            cases.add(Case.json(field + " as boolean", with(valid, field, NODES.booleanNode(true), false)));
            cases.add(Case.json(field + " as $gt", with(valid, field, operator("$gt", ""), false)));
            cases.add(Case.json(field + " as $where", with(valid, field, operator("$where", "sleep(1000)"), false)));
            cases.add(Case.json(field + " as huge string", with(valid, field, NODES.stringNode("x".repeat(200_000)),
                    false)));
            cases.add(new Case(field + " as unknown value", with(valid, field, NODES.stringNode("NOT_A_VALUE_ÿ"), false),
                    null, !ENUM_FIELDS.contains(field) && valid.get(field).isString()));
            JsonNode original = valid.get(field);
            if (original.isObject()) {
                ObjectNode dollarKey = (ObjectNode) original.deepCopy();
                dollarKey.put("$ne", "x");
                // a record binds only its own fields: an extra "$ne" key is ignored and never reaches the store,
                // so a 2xx here is the tolerant reader at work; bilingual maps refuse unknown keys (400)
                cases.add(new Case(field + " with a $ key", with(valid, field, dollarKey, false), null, true));
            }
            if (original.isArray()) {
                ArrayNode many = NODES.arrayNode();
                for (int i = 0; i < 500; i++) {
                    many.add(original.isEmpty() ? NODES.stringNode("x" + i) : original.get(0));
                }
                cases.add(Case.json(field + " with 500 elements", with(valid, field, many, false)));
            }
            if (original.isNumber()) {
                cases.add(Case.json(field + " NaN", valid.toString().replace("\"" + field + "\":" + original,
                        "\"" + field + "\":NaN")));
            }
        }
        // quoteReplacement: a backslash in a regex replacement would otherwise swallow the JSON escape
        String enText = "\"en-US\"\\s*:\\s*\"";
        cases.add(new Case("script in text", validBody.replaceFirst(enText, java.util.regex.Matcher.quoteReplacement(
                "\"en-US\":\"<script>alert(1)</script><img src=x onerror=alert(2)>")), null, true));
        cases.add(new Case("unicode edge cases", validBody.replaceFirst(enText, java.util.regex.Matcher.quoteReplacement(
                "\"en-US\":\"\\u202eRTL \\u200b zero-width 𝕏 emoji 🚀 e\\u0301 ")), null, true));
        cases.add(Case.json("lone surrogate", validBody.replaceFirst(enText,
                java.util.regex.Matcher.quoteReplacement("\"en-US\":\"\\ud800"))));
        cases.add(new Case("invalid UTF-8", null, invalidUtf8(validBody), false));
        cases.add(Case.json("deep JSON", "{\"a\":".repeat(3000) + "1" + "}".repeat(3000)));
        cases.add(Case.json("array body", "[" + validBody + "]"));
        cases.add(Case.json("not JSON", "title=hello&type=WORK_PLAN"));
        cases.add(Case.json("empty object", "{}"));
        cases.add(Case.json("null", "null"));
        cases.add(Case.json("truncated", validBody.substring(0, validBody.length() / 2)));
        cases.add(Case.json("negative money", validBody.replaceAll("\"(amount|min|max)\"\\s*:\\s*\\d+", "\"$1\": -5")));
        cases.add(Case.json("money as NaN string", validBody.replaceAll("\"(amount|min|max)\"\\s*:\\s*\\d+",
                "\"$1\": \"NaN\"")));
        cases.add(Case.json("invalid region", validBody.replaceAll("\"region\"\\s*:\\s*\"\\d+\"", "\"region\":\"999999\"")
                .replace("\"regions\": [\"310118\"]", "\"regions\": [\"000000\"]")));
        cases.add(Case.json("impossible date", validBody.replaceAll("\\d{4}-\\d{2}-\\d{2}", "2019-02-30")));
        cases.add(Case.json("year 99999", validBody.replaceAll("\\d{4}-(\\d{2}-\\d{2})", "99999-$1")));
        cases.add(Case.json("random bytes as text", randomText(random)));
        return cases;
    }

    private static String with(ObjectNode valid, String field, JsonNode value, boolean remove) {
        ObjectNode copy = valid.deepCopy();
        if (remove) {
            copy.remove(field);
        } else {
            copy.set(field, value);
        }
        return copy.toString();
    }

    private static ObjectNode operator(String name, String value) {
        ObjectNode node = NODES.objectNode();
        node.put(name, value);
        return node;
    }

    private static byte[] invalidUtf8(String validBody) {
        byte[] bytes = validBody.getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[bytes.length + 3];
        int insertAt = validBody.indexOf("\"en-US\"") + 10;
        System.arraycopy(bytes, 0, broken, 0, insertAt);
        broken[insertAt] = (byte) 0xC3;
        broken[insertAt + 1] = (byte) 0x28;
        broken[insertAt + 2] = (byte) 0xFF;
        System.arraycopy(bytes, insertAt, broken, insertAt + 3, bytes.length - insertAt);
        return broken;
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < 200; i++) {
            text.append((char) (32 + random.nextInt(95)));
        }
        return text.toString();
    }

    private static Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String qualified : COLLECTIONS) {
            String[] parts = qualified.split(":");
            MongoDatabase database = stores.of(parts[0]);
            counts.put(qualified, database.getCollection(parts[1]).countDocuments(new Document()));
        }
        return counts;
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
