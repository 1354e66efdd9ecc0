package org.yrd.platform.techtransfer.matching;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yrd.platform.commons.security.Caller;
import org.yrd.platform.techtransfer.listing.Language;

@RestController
@Tag(name = "matching", description = "Ranked suggestions, with the reasons in the caller's language")
class MatchingController {

    @Schema(description = "One factor of the score: its contribution (negative for a shortcoming), whether it is a "
            + "near-miss (close to the requirement: to negotiate), and its reason")
    record FactorView(Factor.Kind factor, double contribution, boolean nearMiss, String reason) {
    }

    record OfferSuggestion(String offerId, double score, List<String> reasons, boolean nearMiss,
                           List<FactorView> factors) {
    }

    record RequestSuggestion(String requestId, double score, List<String> reasons, boolean nearMiss,
                             List<FactorView> factors) {
    }

    private final MatchingService matching;

    MatchingController(MatchingService matching) {
        this.matching = matching;
    }

    @GetMapping("/api/v1/techtransfer/requests/{id}/matches")
    @Operation(summary = "Published offers ranked for a request, best first (its organization or staff)",
            description = "Reasons are in zh-CN or en-US after Accept-Language. Never lists the caller's own offers.",
            security = @SecurityRequirement(name = "bearer"))
    List<OfferSuggestion> offersForRequest(@PathVariable String id,
                                           @RequestParam(defaultValue = "10") int limit,
                                           @Parameter(description = "zh-CN or en-US")
                                           @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false)
                                           String acceptLanguage,
                                           Caller caller) {
        Language language = Language.fromAcceptLanguage(acceptLanguage);
        return matching.offersForRequest(caller, id, limit).stream()
                .map(m -> new OfferSuggestion(m.id(), m.score(), m.reasons(language), m.nearMiss(),
                        factors(m, language))).toList();
    }

    @GetMapping("/api/v1/techtransfer/offers/{id}/matches")
    @Operation(summary = "Published requests ranked for an offer, best first (its organization or staff)",
            security = @SecurityRequirement(name = "bearer"))
    List<RequestSuggestion> requestsForOffer(@PathVariable String id,
                                             @RequestParam(defaultValue = "10") int limit,
                                             @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false)
                                             String acceptLanguage,
                                             Caller caller) {
        Language language = Language.fromAcceptLanguage(acceptLanguage);
        return matching.requestsForOffer(caller, id, limit).stream()
                .map(m -> new RequestSuggestion(m.id(), m.score(), m.reasons(language), m.nearMiss(),
                        factors(m, language))).toList();
    }

    private static List<FactorView> factors(RankedMatch match, Language language) {
        return match.factors().stream()
                .map(f -> new FactorView(f.kind(), f.contribution(), f.nearMiss(), f.reason(language))).toList();
    }
}
