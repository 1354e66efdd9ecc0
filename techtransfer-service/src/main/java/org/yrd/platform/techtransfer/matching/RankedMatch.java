package org.yrd.platform.techtransfer.matching;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yrd.platform.techtransfer.listing.Language;

/**
 * One ranked candidate: its id, owner and title, a score in [0, 1], whether any factor is a near-miss, and each
 * factor's contribution with its reason in both languages.
 */
public record RankedMatch(String id, String organizationId, Map<String, String> title, double score,
                          boolean nearMiss, List<Factor> factors) {

    public RankedMatch {
        title = title == null ? Map.of() : Map.copyOf(title);
        factors = List.copyOf(factors);
    }

    /**
     * The reasons in one language, in the order a reader weighs them: what speaks for the match (largest first),
     * then the near-misses (what to negotiate), then what is merely stated, then the shortcomings.
     */
    public List<String> reasons(Language language) {
        return factors.stream().filter(f -> f.reason() != null)
                .sorted(Comparator.comparingInt(RankedMatch::group)
                        .thenComparing(Comparator.comparingDouble(Factor::contribution).reversed()))
                .map(f -> f.reason(language)).filter(Objects::nonNull).toList();
    }

    private static int group(Factor factor) {
        if (factor.nearMiss()) {
            return 1;
        }
        if (factor.contribution() > 0) {
            return 0;
        }
        return factor.contribution() == 0 ? 2 : 3;
    }
}
