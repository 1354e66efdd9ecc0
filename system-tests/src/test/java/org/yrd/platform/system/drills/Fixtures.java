package org.yrd.platform.system.drills;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.yrd.platform.system.PlatformClient;

/**
 * Creates, through the gateway, the resources the security matrix and the hostile-input drill act on: three
 * partner organizations A, B, C (C never owns anything), agreements, articles, offers, requests and matches in
 * every state the endpoints need.
 */
final class Fixtures {

    final Map<String, String> ids = new HashMap<>();
    final Map<String, String> tokens = new HashMap<>();
    private final PlatformClient client;
    private final AtomicInteger sequence = new AtomicInteger();
    private final String staff;

    Fixtures(PlatformClient client) throws Exception {
        this.client = client;
        this.staff = client.token("matrix-staff", null, "STAFF");
        tokens.put("staff", staff);
    }

    String staff() {
        return staff;
    }

    Fixtures create() throws Exception {
        for (String org : new String[] {"A", "B", "C", "D"}) {
            ids.put("org" + org, created(client.post("/api/v1/organizations", staff, organization())));
            tokens.put(org, client.token("partner-" + org, ids.get("org" + org), "PARTNER"));
        }
        String a = ids.get("orgA");
        String b = ids.get("orgB");
        // techtransfer learns organizations from events: wait until it knows all three partners
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                client.post("/api/v1/techtransfer/offers", tokens.get("C"), offer(null)).status() == 201
                        && client.post("/api/v1/techtransfer/offers", tokens.get("A"), offer(null)).status() == 201
                        && client.post("/api/v1/techtransfer/offers", tokens.get("B"), offer(null)).status() == 201);

        ids.put("agrSigned", signedAgreement(a, b));
        ids.put("agrDraft", created(client.post("/api/v1/agreements", staff, agreement(a, b))));
        ids.put("agrToEdit", created(client.post("/api/v1/agreements", staff, agreement(a, b))));
        ids.put("agrToSign", created(client.post("/api/v1/agreements", staff, agreement(a, b))));
        ids.put("agrToActivate", signedAgreement(a, b));
        ids.put("agrToTerminate", signedAgreement(a, b));
        ids.put("agrWithMilestone", signedAgreement(a, b));
        PlatformClient.Response milestone = client.post("/api/v1/agreements/" + ids.get("agrWithMilestone")
                + "/milestones", staff, "{\"title\":{\"en-US\":\"Matrix milestone\"},\"dueDate\":\"2027-03-01\"}");
        ids.put("milestone", milestone.json().path("milestones").get(0).path("id").asString());

        ids.put("newsPublished", publishedArticle());
        ids.put("newsDraft", created(client.post("/api/v1/news", staff, article())));
        ids.put("newsToEdit", created(client.post("/api/v1/news", staff, article())));
        ids.put("newsToPublish", created(client.post("/api/v1/news", staff, article())));
        ids.put("newsToArchive", publishedArticle());

        ids.put("offerPublishedA", publishedOffer("A"));
        ids.put("offerSubmittedA", created(client.post("/api/v1/techtransfer/offers", tokens.get("A"), offer(null))));
        ids.put("offerToReviewA", created(client.post("/api/v1/techtransfer/offers", tokens.get("A"), offer(null))));
        ids.put("offerToWithdrawA", publishedOffer("A"));
        for (String n : new String[] {"", "2", "3", "4", "5"}) {
            ids.put("offerPublishedB" + n, publishedOffer("B"));
        }
        ids.put("requestA", publishedRequest());
        ids.put("requestToReviewA", created(client.post("/api/v1/techtransfer/requests", tokens.get("A"), request(null))));
        ids.put("requestToWithdrawA", publishedRequest());
        for (String n : new String[] {"2", "3", "4", "5"}) {
            ids.put("requestA" + n, publishedRequest());
        }
        ids.put("matchAB", propose("requestA", "offerPublishedB"));
        ids.put("matchToAccept", propose("requestA2", "offerPublishedB2"));
        ids.put("matchToDecline", propose("requestA4", "offerPublishedB4"));
        ids.put("matchToClose", propose("requestA5", "offerPublishedB5"));
        ok(client.post("/api/v1/techtransfer/matches/" + ids.get("matchToClose") + "/accept", tokens.get("B"), "{}"));
        return this;
    }

    /** The JSON body of a template, with this run's fixtures filled in. */
    String body(String template) {
        return switch (template) {
            case "-" -> null;
            case "organization" -> organization();
            case "agreement" -> agreement(ids.get("orgA"), ids.get("orgB"));
            case "signing" -> signing(ids.get("orgA"), ids.get("orgB"));
            case "termination" -> "{\"reason\":\"Superseded by a newer plan\"}";
            case "milestone" -> "{\"title\":{\"en-US\":\"Joint report\"},\"dueDate\":\"2027-06-30\"}";
            case "article" -> article();
            case "offer" -> offer(ids.get("orgA"));
            case "request" -> request(ids.get("orgA"));
            case "approve" -> "{\"decision\":\"APPROVE\"}";
            case "match" -> "{\"requestId\":\"" + ids.get("requestA3") + "\",\"offerId\":\""
                    + ids.get("offerPublishedB3") + "\",\"message\":\"We are interested\"}";
            case "decline" -> "{\"reasonCode\":\"PRICE\",\"text\":\"Above our budget\"}";
            case "deal" -> "{\"mode\":\"LICENSE\",\"value\":{\"amount\":800000,\"currency\":\"CNY\"},"
                    + "\"signedAt\":\"2026-06-30T08:00:00Z\"}";
            default -> throw new IllegalArgumentException("no body template " + template);
        };
    }

    String resolve(String path) {
        String resolved = path;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            resolved = resolved.replace("{" + id.getKey() + "}", id.getValue());
        }
        return resolved;
    }

    private String signedAgreement(String a, String b) throws Exception {
        String id = created(client.post("/api/v1/agreements", staff, agreement(a, b)));
        ok(client.post("/api/v1/agreements/" + id + "/sign", staff, signing(a, b)));
        return id;
    }

    private String publishedArticle() throws Exception {
        String id = created(client.post("/api/v1/news", staff, article()));
        ok(client.post("/api/v1/news/" + id + "/publish", staff, null));
        return id;
    }

    private String publishedOffer(String owner) throws Exception {
        String id = created(client.post("/api/v1/techtransfer/offers", tokens.get(owner), offer(null)));
        ok(client.post("/api/v1/techtransfer/offers/" + id + "/review", staff, "{\"decision\":\"APPROVE\"}"));
        return id;
    }

    private String publishedRequest() throws Exception {
        String id = created(client.post("/api/v1/techtransfer/requests", tokens.get("A"), request(null)));
        ok(client.post("/api/v1/techtransfer/requests/" + id + "/review", staff, "{\"decision\":\"APPROVE\"}"));
        return id;
    }

    private String propose(String request, String offer) throws Exception {
        return created(client.post("/api/v1/techtransfer/matches", tokens.get("A"), "{\"requestId\":\""
                + ids.get(request) + "\",\"offerId\":\"" + ids.get(offer) + "\"}"));
    }

    private String organization() {
        return "{\"name\":{\"zh-CN\":\"矩阵测试企业" + sequence.incrementAndGet() + "\",\"en-US\":\"Matrix Enterprise "
                + sequence.get() + "\"},\"type\":\"ENTERPRISE\",\"region\":\"320583\"}";
    }

    private static String agreement(String a, String b) {
        return """
                {"title": {"en-US": "Matrix cooperation framework"}, "type": "COOPERATION_FRAMEWORK",
                 "parties": [{"organizationId": "%s"}, {"organizationId": "%s"}], "cooperationAreas": ["TALENT"],
                 "effectiveFrom": "2026-01-01", "effectiveTo": "2030-12-31"}""".formatted(a, b);
    }

    private static String signing(String a, String b) {
        return """
                {"signedAt": "2026-03-01T02:00:00Z", "place": "Suzhou", "signatories": [
                  {"name": "Signatory A", "title": "President", "organizationId": "%s"},
                  {"name": "Signatory B", "title": "Director", "organizationId": "%s"}]}""".formatted(a, b);
    }

    private String article() {
        return """
                {"title": {"en-US": "Matrix article %d", "zh-CN": "矩阵测试新闻%d"},
                 "summary": {"en-US": "A summary."}, "body": {"en-US": "A body."},
                 "category": "EVENT", "regions": ["310118"], "tags": ["matrix"]}"""
                .formatted(sequence.incrementAndGet(), sequence.get());
    }

    static String offer(String organizationId) {
        return """
                {"title": {"en-US": "Graphene heat spreader film", "zh-CN": "石墨烯散热膜"},
                 "summary": {"en-US": "Thermal film for handset and battery packs."},
                 "field": "NEW_MATERIALS", "keywords": ["graphene", "thermal"], "trl": 7,
                 "ipStatus": "PATENT_GRANTED", "patentNumbers": ["CN109876543B"], "transferModes": ["LICENSE"],
                 "askingPrice": {"amount": 900000, "currency": "CNY"}, "region": "320583"%s}"""
                .formatted(organizationId == null ? "" : ", \"organizationId\": \"" + organizationId + "\"");
    }

    static String request(String organizationId) {
        return """
                {"title": {"en-US": "Thermal management for battery packs", "zh-CN": "电池包热管理"},
                 "description": {"en-US": "We need a thin thermal film for EV battery modules."},
                 "field": "NEW_MATERIALS", "keywords": ["thermal", "battery"], "requiredTrlMin": 6,
                 "budget": {"min": 200000, "max": 1000000, "currency": "CNY"}, "acceptableModes": ["LICENSE"],
                 "region": "320509"%s}"""
                .formatted(organizationId == null ? "" : ", \"organizationId\": \"" + organizationId + "\"");
    }

    private static String created(PlatformClient.Response response) {
        if (response.status() != 201) {
            throw new IllegalStateException("fixture not created: " + response);
        }
        return response.text("id");
    }

    private static void ok(PlatformClient.Response response) {
        if (response.status() / 100 != 2) {
            throw new IllegalStateException("fixture step failed: " + response);
        }
    }
}
