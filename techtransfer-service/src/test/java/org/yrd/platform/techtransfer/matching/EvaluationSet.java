package org.yrd.platform.techtransfer.matching;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yrd.platform.techtransfer.agreement.CooperationAgreement;
import org.yrd.platform.techtransfer.listing.Budget;
import org.yrd.platform.techtransfer.listing.MoneyAmount;
import org.yrd.platform.techtransfer.listing.TechField;
import org.yrd.platform.techtransfer.listing.TransferMode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The development evaluation set of the matching engine ({@code src/test/resources/evaluation/}, see its README):
 * offers, requests (each in the "dev" or the held-out "test" split), organizations, agreements and graded
 * judgments (2 strong fit meeting the constraints, 1 partial, unlisted 0).
 */
record EvaluationSet(List<Listing> offers, List<Request> requests, List<CooperationAgreement> agreements,
                     Map<String, Map<String, Integer>> judgments) {

    static final String DIRECTORY = "/evaluation/";

    record Request(Listing listing, String split) {
    }

    record MoneyJson(BigDecimal amount, String currency) {
    }

    record BudgetJson(BigDecimal min, BigDecimal max, String currency) {
    }

    record OfferJson(String id, String organizationId, String region, TechField field, Map<String, String> title,
                     Map<String, String> summary, List<String> keywords, int trl, List<TransferMode> transferModes,
                     MoneyJson askingPrice) {
    }

    record RequestJson(String id, String split, String organizationId, String region, TechField field,
                       Map<String, String> title, Map<String, String> description, List<String> keywords,
                       int requiredTrlMin, BudgetJson budget, List<TransferMode> acceptableModes) {
    }

    record PartyJson(String organizationId, String region) {
    }

    record AgreementJson(String id, String agreementType, CooperationAgreement.Status status,
                         Map<String, String> title, List<PartyJson> parties) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Loads the set; every listing is published and open until a year after {@code now}. */
    static EvaluationSet load(Instant now) {
        Instant open = now.plusSeconds(365L * 24 * 3600);
        List<Listing> offers = read("offers.json", OfferJson[].class).stream().map(o -> new Listing(
                Listing.Side.OFFER, o.id(), 1, o.organizationId(), o.title(), o.summary(), o.keywords(), o.field(),
                o.trl(), Set.copyOf(o.transferModes()), o.askingPrice() == null ? null
                : new MoneyAmount(o.askingPrice().amount(), o.askingPrice().currency()), null, o.region(), open,
                true)).toList();
        List<Request> requests = read("requests.json", RequestJson[].class).stream().map(r -> new Request(new Listing(
                Listing.Side.REQUEST, r.id(), 1, r.organizationId(), r.title(), r.description(), r.keywords(),
                r.field(), r.requiredTrlMin(), Set.copyOf(r.acceptableModes()), null, r.budget() == null ? null
                : new Budget(r.budget().min(), r.budget().max(), r.budget().currency()), r.region(), open, true),
                r.split())).toList();
        List<CooperationAgreement> agreements = read("agreements.json", AgreementJson[].class).stream()
                .map(a -> new CooperationAgreement(a.id(), a.agreementType(), a.title(), a.status(),
                        a.parties().stream().map(p -> new CooperationAgreement.Party(p.organizationId(), p.region()))
                                .toList(), List.of(), 1, now))
                .toList();
        return new EvaluationSet(offers, requests, agreements, judgments(offers, requests));
    }

    private static <T> List<T> read(String name, Class<T[]> type) {
        try (InputStream in = resource(name)) {
            return List.of(JSON.readValue(in, type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Map<String, Integer>> judgments(List<Listing> offers, List<Request> requests) {
        Set<String> offerIds = new HashSet<>(offers.stream().map(Listing::id).toList());
        Set<String> requestIds = new HashSet<>(requests.stream().map(r -> r.listing().id()).toList());
        Map<String, Map<String, Integer>> judgments = new HashMap<>();
        try (InputStream in = resource("judgments.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                if (!requestIds.contains(columns[0]) || !offerIds.contains(columns[1])) {
                    throw new IllegalStateException("judgment of an unknown listing: " + line);
                }
                judgments.computeIfAbsent(columns[0], k -> new HashMap<>()).put(columns[1],
                        Integer.parseInt(columns[2].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return judgments;
    }

    private static InputStream resource(String name) {
        InputStream in = EvaluationSet.class.getResourceAsStream(DIRECTORY + name);
        if (in == null) {
            throw new IllegalStateException("evaluation resource " + name + " is missing");
        }
        return in;
    }

    int grade(String requestId, String offerId) {
        return judgments.getOrDefault(requestId, Map.of()).getOrDefault(offerId, 0);
    }
}
