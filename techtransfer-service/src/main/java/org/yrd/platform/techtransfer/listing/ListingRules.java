package org.yrd.platform.techtransfer.listing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.yrd.platform.commons.error.InvalidInputException;

/** Checks on offers and requests that Bean Validation cannot express, each a 400 naming the field. */
public final class ListingRules {

    private ListingRules() {
    }

    /** Trimmed, without blanks and without case-insensitive duplicates, in the order given. */
    public static List<String> keywords(List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        List<String> clean = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String keyword : raw) {
            if (keyword == null) {
                continue;
            }
            String trimmed = keyword.strip();
            if (!trimmed.isEmpty() && seen.add(trimmed.toLowerCase(Locale.ROOT))) {
                clean.add(trimmed);
            }
        }
        return List.copyOf(clean);
    }

    public static void budget(BudgetInput budget) {
        if (budget != null && budget.min() != null && budget.max() != null
                && budget.min().compareTo(budget.max()) > 0) {
            throw new InvalidInputException("budget.min", "must not be greater than budget.max");
        }
    }

    /** A deadline is a calendar date in UTC; today is still allowed. */
    public static void deadline(String field, LocalDate deadline, Clock clock) {
        if (deadline != null && deadline.isBefore(LocalDate.now(clock.withZone(ZoneOffset.UTC)))) {
            throw new InvalidInputException(field, "must be today or later (UTC), as 2027-06-30");
        }
    }
}
