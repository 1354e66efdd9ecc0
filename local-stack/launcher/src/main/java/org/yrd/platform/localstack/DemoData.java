package org.yrd.platform.localstack;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The founding story as demo data, loaded through the public API (the gateway) like a staff member and the partner
 * organizations would enter it: the 23 July 2019 meeting in Qingpu (the three-place work plan, the NTME Fenhu
 * Branch Center agreement, the news article), the network's organizations, and a catalogue of offers and requests
 * with some expressions of interest and closed deals. The data lives in {@code demo/*.json} on the classpath.
 *
 * <p>Idempotent: every item is looked up by its natural key (an organization's, agreement's or article's English
 * name or title; an offer's or request's English title within its organization; a match's request and offer) and
 * only created when missing, and an item found half-way (an agreement still a draft, a listing still submitted) is
 * carried on from where it stands. A marker file in the data dir skips the lookups on later starts.
 */
final class DemoData {

    static final String NAME = "demo-data";
    static final String MARKER = "demo-data/loaded-v1";
    private static final Duration EVENTUAL = Duration.ofSeconds(90);
    private static final String EN = "en-US";

    private final String gateway;
    private final String issuer;
    private final Path marker;
    private final Progress progress;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> tokens = new HashMap<>();

    DemoData(String gateway, String issuer, Path dataDir, Progress progress) {
        this.gateway = gateway;
        this.issuer = issuer;
        this.marker = dataDir.resolve(MARKER);
        this.progress = progress;
    }

    void load() throws Exception {
        if (Files.exists(marker)) {
            progress.component(NAME, "already loaded (marker " + marker + "; --fresh starts over)");
            return;
        }
        long started = System.nanoTime();
        progress.component(NAME, "loading the founding story through the gateway");
        Map<String, String> organizations = organizations();
        Map<String, String> agreements = agreements(organizations);
        awaitBranchCenters(agreements);
        articles();
        Map<String, Map<String, Object>> offers = listings("offers", organizations);
        Map<String, Map<String, Object>> requests = listings("requests", organizations);
        review("offers", offers);
        review("requests", requests);
        List<String> deals = matches(offers, requests);
        publishDrafts("AGREEMENT_SIGNED", new ArrayList<>(agreements.values()));
        publishDrafts("DEAL_CLOSED", deals);
        Files.createDirectories(marker.getParent());
        Files.writeString(marker, "demo data loaded " + Instant.now() + "\n");
        progress.component(NAME, "done in " + Progress.format(Duration.ofNanos(System.nanoTime() - started)));
    }

    // ---- organizations ----

    private Map<String, String> organizations() throws Exception {
        String staff = staffToken();
        Map<String, String> existing = new HashMap<>();
        for (Map<String, Object> organization : all("/api/v1/organizations", staff, "")) {
            existing.put(english(organization.get("name")), (String) organization.get("id"));
        }
        Map<String, String> ids = new LinkedHashMap<>();
        int created = 0;
        for (Map<String, Object> spec : list(resource("organizations.json").get("organizations"))) {
            String key = (String) spec.get("key");
            String id = existing.get(english(spec.get("name")));
            if (id == null) {
                Map<String, Object> body = new LinkedHashMap<>(spec);
                body.remove("key");
                id = (String) expect(201, call("POST", "/api/v1/organizations", staff, body, null)).get("id");
                created++;
            }
            ids.put(key, id);
        }
        progress.component(NAME, ids.size() + " organizations (" + created + " new)");
        return ids;
    }

    // ---- agreements ----

    private Map<String, String> agreements(Map<String, String> organizations) throws Exception {
        String staff = staffToken();
        Map<String, Map<String, Object>> existing = new HashMap<>();
        for (Map<String, Object> agreement : all("/api/v1/agreements", staff, "")) {
            existing.put(english(agreement.get("title")), agreement);
        }
        Map<String, String> ids = new LinkedHashMap<>();
        for (Map<String, Object> spec : list(resource("agreements.json").get("agreements"))) {
            Map<String, Object> agreement = existing.get(english(spec.get("title")));
            if (agreement == null) {
                Map<String, Object> body = new LinkedHashMap<>();
                for (String field : List.of("title", "type", "cooperationAreas", "summary", "effectiveFrom", "effectiveTo")) {
                    if (spec.get(field) != null) {
                        body.put(field, spec.get(field));
                    }
                }
                List<Map<String, Object>> parties = new ArrayList<>();
                for (Map<String, Object> party : list(spec.get("parties"))) {
                    parties.add(map("organizationId", id(organizations, party.get("organization")), "role", party.get("role")));
                }
                body.put("parties", parties);
                if (spec.get("branchCenter") instanceof Map<?, ?> center) {
                    body.put("branchCenter", map("name", center.get("name"), "region", center.get("region"),
                            "hostOrganizationId", id(organizations, center.get("host"))));
                }
                agreement = expect(201, call("POST", "/api/v1/agreements", staff, body, null));
            }
            String id = (String) agreement.get("id");
            if ("DRAFT".equals(agreement.get("status"))) {
                @SuppressWarnings("unchecked")
                Map<String, Object> signing = (Map<String, Object>) spec.get("signing");
                List<Map<String, Object>> signatories = new ArrayList<>();
                for (Map<String, Object> signatory : list(signing.get("signatories"))) {
                    signatories.add(map("name", signatory.get("name"), "title", signatory.get("title"),
                            "organizationId", id(organizations, signatory.get("organization"))));
                }
                agreement = expect(200, call("POST", "/api/v1/agreements/" + id + "/sign", staff,
                        map("signedAt", signing.get("signedAt"), "place", signing.get("place"), "signatories", signatories), null));
            }
            if (Boolean.TRUE.equals(spec.get("activate")) && "SIGNED".equals(agreement.get("status"))) {
                agreement = expect(200, call("POST", "/api/v1/agreements/" + id + "/activate", staff, null, null));
            }
            ids.put((String) spec.get("key"), id);
            progress.component(NAME, "agreement " + english(spec.get("title")) + ": " + agreement.get("status"));
        }
        return ids;
    }

    /** Branch centers come from AgreementSigned through Kafka: requests submitted later are routed to them. */
    private void awaitBranchCenters(Map<String, String> agreements) throws Exception {
        List<String> expected = new ArrayList<>();
        for (Map<String, Object> spec : list(resource("agreements.json").get("agreements"))) {
            if ("BRANCH_CENTER_ESTABLISHMENT".equals(spec.get("type"))) {
                expected.add(agreements.get((String) spec.get("key")));
            }
        }
        awaitTrue("the branch centers", () -> {
            List<Object> centers = jsonArray(call("GET", "/api/v1/techtransfer/branch-centers", null, null, null));
            List<String> present = centers.stream().map(c -> (String) ((Map<?, ?>) c).get("agreementId")).toList();
            return present.containsAll(expected);
        });
    }

    // ---- news ----

    private void articles() throws Exception {
        String staff = staffToken();
        Map<String, Map<String, Object>> existing = new HashMap<>();
        for (String status : List.of("DRAFT", "PUBLISHED")) {
            for (Map<String, Object> article : all("/api/v1/news", staff, "status=" + status)) {
                existing.put(english(article.get("title")), article);
            }
        }
        for (Map<String, Object> spec : list(resource("news.json").get("articles"))) {
            Map<String, Object> article = existing.get(english(spec.get("title")));
            if (article == null) {
                Map<String, Object> body = new LinkedHashMap<>(spec);
                body.remove("key");
                article = expect(201, call("POST", "/api/v1/news", staff, body, null));
            }
            if ("DRAFT".equals(article.get("status"))) {
                article = expect(200, call("POST", "/api/v1/news/" + article.get("id") + "/publish", staff, null, null));
            }
            progress.component(NAME, "article " + english(spec.get("title")) + ": " + article.get("status"));
        }
    }

    /** Publishes the drafts news-service wrote from events (an agreement signed, a deal closed), as staff would. */
    private void publishDrafts(String sourceType, List<String> sourceIds) throws Exception {
        String staff = staffToken();
        int published = 0;
        for (String sourceId : sourceIds) {
            Map<String, Object>[] found = new Map[1];
            awaitTrue("the news draft of " + sourceType + " " + sourceId, () -> {
                for (String status : List.of("DRAFT", "PUBLISHED")) {
                    for (Map<String, Object> article : all("/api/v1/news", staff, "status=" + status)) {
                        if (article.get("source") instanceof Map<?, ?> source && sourceType.equals(source.get("type"))
                                && sourceId.equals(source.get("id"))) {
                            found[0] = article;
                            return true;
                        }
                    }
                }
                return false;
            });
            if ("DRAFT".equals(found[0].get("status"))) {
                expect(200, call("POST", "/api/v1/news/" + found[0].get("id") + "/publish", staff, null, null));
                published++;
            }
        }
        progress.component(NAME, sourceIds.size() + " " + sourceType + " news drafts (" + published + " published now)");
    }

    // ---- offers, requests, matches ----

    /** Submits the listings as their organizations (partner tokens); returns them by key, as stored. */
    private Map<String, Map<String, Object>> listings(String kind, Map<String, String> organizations) throws Exception {
        String staff = staffToken();
        Map<String, Map<String, Object>> existing = new HashMap<>();
        for (Map<String, Object> listing : all("/api/v1/techtransfer/" + kind, staff, "")) {
            existing.put(listing.get("organizationId") + "|" + english(listing.get("title")), listing);
        }
        Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
        int created = 0;
        for (Map<String, Object> spec : list(resource("catalogue.json").get(kind))) {
            String organizationId = id(organizations, spec.get("organization"));
            Map<String, Object> listing = existing.get(organizationId + "|" + english(spec.get("title")));
            if (listing == null) {
                Map<String, Object> body = new LinkedHashMap<>(spec);
                body.remove("key");
                body.remove("organization");
                String token = partnerToken(organizationId);
                // the organization reaches techtransfer-service through organizations.v1: retry until it knows it
                Map<String, Object>[] stored = new Map[1];
                awaitTrue("techtransfer-service to know " + spec.get("organization"), () -> {
                    Response response = call("POST", "/api/v1/techtransfer/" + kind, token, body, null);
                    if (response.status() == 400 && response.body().contains("\"organizationId\"")) {
                        return false;
                    }
                    stored[0] = expect(201, response);
                    return true;
                });
                listing = stored[0];
                created++;
            }
            byKey.put((String) spec.get("key"), listing);
        }
        progress.component(NAME, byKey.size() + " " + kind + " (" + created + " new)");
        return byKey;
    }

    /** Staff approve what is awaiting review, one reviewer per province (each has its own rate-limit bucket). */
    private void review(String kind, Map<String, Map<String, Object>> listings) throws Exception {
        int approved = 0;
        for (Map.Entry<String, Map<String, Object>> entry : listings.entrySet()) {
            Map<String, Object> listing = entry.getValue();
            if ("SUBMITTED".equals(listing.get("status"))) {
                String reviewer = staffToken("reviewer-" + String.valueOf(listing.get("region")).substring(0, 2));
                entry.setValue(expect(200, call("POST", "/api/v1/techtransfer/" + kind + "/" + listing.get("id") + "/review",
                        reviewer, map("decision", "APPROVE", "reason", "Complete and consistent: published."),
                        String.valueOf(listing.get("version")))));
                approved++;
            }
        }
        progress.component(NAME, listings.size() + " " + kind + " reviewed (" + approved + " approved now)");
    }

    /** Expressions of interest as the requesting partners, answers as the offering partners, deals as staff. */
    private List<String> matches(Map<String, Map<String, Object>> offers, Map<String, Map<String, Object>> requests)
            throws Exception {
        String staff = staffToken();
        Map<String, Map<String, Object>> existing = new HashMap<>();
        for (Map<String, Object> match : all("/api/v1/techtransfer/matches", staff, "")) {
            existing.put(match.get("requestId") + "|" + match.get("offerId"), match);
        }
        List<String> deals = new ArrayList<>();
        int closed = 0;
        for (Map<String, Object> spec : list(resource("catalogue.json").get("matches"))) {
            Map<String, Object> request = Objects.requireNonNull(requests.get((String) spec.get("request")), "request " + spec.get("request"));
            Map<String, Object> offer = Objects.requireNonNull(offers.get((String) spec.get("offer")), "offer " + spec.get("offer"));
            Map<String, Object> match = existing.get(request.get("id") + "|" + offer.get("id"));
            if (match == null) {
                match = expect(201, call("POST", "/api/v1/techtransfer/matches", partnerToken((String) request.get("organizationId")),
                        map("requestId", request.get("id"), "offerId", offer.get("id"), "message", spec.get("message")), null));
            }
            String outcome = (String) spec.get("outcome");
            String offerOwner = partnerToken((String) offer.get("organizationId"));
            if ("PROPOSED".equals(match.get("status")) && !"PROPOSED".equals(outcome)) {
                match = expect(200, call("POST", "/api/v1/techtransfer/matches/" + match.get("id") + "/accept", offerOwner,
                        null, String.valueOf(match.get("version"))));
            }
            if ("NEGOTIATING".equals(match.get("status")) && "DEAL_CLOSED".equals(outcome)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> deal = (Map<String, Object>) spec.get("deal");
                long daysAgo = ((Number) deal.get("daysAgo")).longValue();
                match = expect(200, call("POST", "/api/v1/techtransfer/matches/" + match.get("id") + "/close-deal", staff,
                        map("mode", deal.get("mode"), "value", deal.get("value"),
                                "signedAt", Instant.now().minus(daysAgo, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString()),
                        String.valueOf(match.get("version"))));
                closed++;
            }
            if (match.get("deal") instanceof Map<?, ?> deal && deal.get("dealId") != null) {
                deals.add((String) deal.get("dealId"));
            }
        }
        progress.component(NAME, list(resource("catalogue.json").get("matches")).size() + " matches ("
                + deals.size() + " deals, " + closed + " closed now)");
        return deals;
    }

    // ---- tokens ----

    private String staffToken() throws Exception {
        return staffToken("demo-staff");
    }

    private String staffToken(String subject) throws Exception {
        return token(subject, null, "STAFF");
    }

    private String partnerToken(String organizationId) throws Exception {
        return token("demo-partner", organizationId, "PARTNER");
    }

    private String token(String subject, String organizationId, String role) throws Exception {
        String key = subject + "|" + organizationId + "|" + role;
        String cached = tokens.get(key);
        if (cached != null) {
            return cached;
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", subject);
        if (organizationId != null) {
            claims.put("org", organizationId);
        }
        claims.put("roles", List.of(role));
        claims.put("ttlSeconds", 3600);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(issuer + DevTokenIssuer.TOKEN_PATH))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSONObjectUtils.toJSONString(claims))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the token issuer answered " + response.statusCode() + ": " + response.body());
        }
        String token = (String) JSONObjectUtils.parse(response.body()).get("access_token");
        tokens.put(key, token);
        return token;
    }

    // ---- HTTP ----

    record Response(int status, String body, String method, String path) {
    }

    /** One call through the gateway; waits out a 429 (Retry-After) and a 503 (a service busy or restarting). */
    private Response call(String method, String path, String token, Object body, String ifMatch) throws Exception {
        long deadline = System.nanoTime() + EVENTUAL.toNanos();
        while (true) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                    .timeout(Duration.ofSeconds(20)).header("Accept", "application/json");
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (ifMatch != null) {
                request.header("If-Match", "\"" + ifMatch + "\"");
            }
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(toJson(body)));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if ((status == 429 || status == 503) && System.nanoTime() < deadline) {
                long seconds = response.headers().firstValue("Retry-After").map(DemoData::seconds).orElse(1L);
                Thread.sleep(Math.min(10, Math.max(1, seconds)) * 1000L);
                continue;
            }
            return new Response(status, response.body(), method, path);
        }
    }

    private static long seconds(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static Map<String, Object> expect(int status, Response response) throws ParseException {
        if (response.status() != status) {
            throw new IllegalStateException(response.method() + " " + response.path() + " answered " + response.status()
                    + ": " + abbreviate(response.body()));
        }
        return response.body().isBlank() || !response.body().startsWith("{") ? Map.of() : JSONObjectUtils.parse(response.body());
    }

    private static List<Object> jsonArray(Response response) throws ParseException {
        if (response.status() != 200) {
            throw new IllegalStateException(response.method() + " " + response.path() + " answered " + response.status());
        }
        return JSONArrayUtils.parse(response.body());
    }

    /** Every item of a paged list. */
    private List<Map<String, Object>> all(String path, String token, String query) throws Exception {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            String url = path + "?" + (query.isEmpty() ? "" : query + "&") + "size=100&page=" + page;
            Map<String, Object> result = expect(200, call("GET", url, token, null, null));
            items.addAll(list(result.get("content")));
            Map<?, ?> paging = (Map<?, ?>) result.get("page");
            if (paging == null || page + 1 >= ((Number) paging.get("totalPages")).intValue()) {
                return items;
            }
        }
    }

    interface Check {
        boolean done() throws Exception;
    }

    private void awaitTrue(String what, Check check) throws Exception {
        long deadline = System.nanoTime() + EVENTUAL.toNanos();
        while (!check.done()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting for " + what + " after " + EVENTUAL.toSeconds() + " s");
            }
            Thread.sleep(500);
        }
    }

    // ---- JSON ----

    private static Map<String, Object> resource(String name) throws IOException, ParseException {
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("demo/" + name + " is missing from the launcher's classpath");
            }
            return JSONObjectUtils.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    private static String english(Object bilingual) {
        return bilingual instanceof Map<?, ?> text ? String.valueOf(text.get(EN)) : String.valueOf(bilingual);
    }

    private static String id(Map<String, String> organizations, Object key) {
        String id = organizations.get((String) key);
        if (id == null) {
            throw new IllegalStateException("demo data names an unknown organization '" + key + "'");
        }
        return id;
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }

    @SuppressWarnings("unchecked")
    private static String toJson(Object body) {
        return JSONObjectUtils.toJSONString((Map<String, ?>) body);
    }

    private static String abbreviate(String text) {
        return text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }

}
