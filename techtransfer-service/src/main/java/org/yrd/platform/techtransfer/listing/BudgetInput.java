package org.yrd.platform.techtransfer.listing;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;

/** A request's budget range as a client sends it; {@code min <= max} is checked by {@link ListingRules}. */
public record BudgetInput(
        @NotNull @DecimalMin(value = "0", message = "must be a non-negative number")
        @Digits(integer = 15, fraction = 2, message = "must have at most 15 digits and 2 decimals") BigDecimal min,
        @NotNull @DecimalMin(value = "0", message = "must be a non-negative number")
        @Digits(integer = 15, fraction = 2, message = "must have at most 15 digits and 2 decimals") BigDecimal max,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be a 3-letter currency code such as CNY") String currency) {
}
