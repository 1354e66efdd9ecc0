package org.yrd.platform.techtransfer.listing;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;

/** Money sent by a client: a non-negative amount and an ISO 4217 currency code. */
public record MoneyInput(
        @NotNull @DecimalMin(value = "0", message = "must be a non-negative number")
        @Digits(integer = 15, fraction = 2, message = "must have at most 15 digits and 2 decimals") BigDecimal amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be a 3-letter currency code such as CNY") String currency) {
}
