package org.yrd.platform.system.drills;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.yrd.platform.system.PlatformClient;

/** Load generators for the drills: steady-rate writes through the gateway, with their outcomes. */
final class Workload {

    record Outcome(List<String> createdIds, int failures, List<Long> latenciesNanos, List<Integer> failureStatuses) {

        int succeeded() {
            return createdIds.size();
        }
    }

    private final PlatformClient client;
    private final String staffToken;
    private final AtomicInteger sequence = new AtomicInteger();

    Workload(PlatformClient client, String staffToken) {
        this.client = client;
        this.staffToken = staffToken;
    }

    /** Registers organizations at a fixed rate for a while; each 201 is a stored change that must publish. */
    Outcome registerOrganizations(int perSecond, Duration duration, String label) throws Exception {
        List<CompletableFuture<PlatformClient.Response>> calls = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long total = perSecond * duration.toSeconds();
        AtomicInteger issued = new AtomicInteger();
        ticker.scheduleAtFixedRate(() -> {
            if (issued.getAndIncrement() < total) {
                calls.add(client.sendAsync("POST", "/api/v1/organizations", staffToken, organizationJson(label)));
            }
        }, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
        long deadline = System.nanoTime() + duration.toNanos() + Duration.ofSeconds(2).toNanos();
        while (issued.get() < total && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        ticker.shutdownNow();
        return collect(calls);
    }

    /** Registers organizations as fast as one caller can, sequentially. */
    Outcome registerOrganizations(int count, String label) throws Exception {
        List<CompletableFuture<PlatformClient.Response>> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            calls.add(CompletableFuture.completedFuture(client.post("/api/v1/organizations", staffToken,
                    organizationJson(label))));
        }
        return collect(calls);
    }

    /** Drafts and signs agreements between pairs of the given organizations; returns the signed ones. */
    List<String> signAgreements(List<String> organizations, int count) throws Exception {
        List<String> signed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String a = organizations.get((2 * i) % organizations.size());
            String b = organizations.get((2 * i + 1) % organizations.size());
            PlatformClient.Response draft = client.post("/api/v1/agreements", staffToken, """
                    {"title": {"zh-CN": "演练合作协议 %1$d", "en-US": "Drill cooperation agreement %1$d"},
                     "type": "COOPERATION_FRAMEWORK", "cooperationAreas": ["SCIENCE_TECHNOLOGY"],
                     "parties": [{"organizationId": "%2$s"}, {"organizationId": "%3$s"}],
                     "effectiveFrom": "2026-01-01", "effectiveTo": "2030-12-31"}""".formatted(i, a, b));
            if (draft.status() != 201) {
                continue;
            }
            String id = draft.text("id");
            PlatformClient.Response sign = client.post("/api/v1/agreements/" + id + "/sign", staffToken, """
                    {"signedAt": "2026-06-01T02:00:00Z", "place": "Qingpu, Shanghai", "signatories": [
                      {"name": "Drill Signatory A", "title": "Director", "organizationId": "%s"},
                      {"name": "Drill Signatory B", "title": "Director", "organizationId": "%s"}]}"""
                    .formatted(a, b));
            if (sign.status() == 200) {
                signed.add(id);
            }
        }
        return signed;
    }

    private String organizationJson(String label) {
        int n = sequence.incrementAndGet();
        return "{\"name\":{\"zh-CN\":\"演练企业" + n + "\",\"en-US\":\"" + label + " enterprise " + n
                + "\"},\"type\":\"ENTERPRISE\",\"region\":\"330421\"}";
    }

    private static Outcome collect(List<CompletableFuture<PlatformClient.Response>> calls) {
        List<String> ids = new ArrayList<>();
        List<Long> latencies = new ArrayList<>();
        List<Integer> failureStatuses = new ArrayList<>();
        int failures = 0;
        for (CompletableFuture<PlatformClient.Response> call : List.copyOf(calls)) {
            try {
                PlatformClient.Response response = call.get(30, TimeUnit.SECONDS);
                latencies.add(response.nanos());
                if (response.status() == 201) {
                    ids.add(response.text("id"));
                } else {
                    failures++;
                    failureStatuses.add(response.status());
                }
            } catch (Exception e) {
                failures++;
                failureStatuses.add(-1);
            }
        }
        return new Outcome(ids, failures, latencies, failureStatuses);
    }
}
