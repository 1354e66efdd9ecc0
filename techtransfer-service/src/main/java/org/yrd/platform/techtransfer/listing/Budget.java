package org.yrd.platform.techtransfer.listing;

import java.math.BigDecimal;

/** A stored budget range, in one currency. */
public record Budget(BigDecimal min, BigDecimal max, String currency) {

    public static Budget of(BudgetInput input) {
        return input == null ? null : new Budget(input.min(), input.max(), input.currency());
    }

    public boolean covers(MoneyAmount price) {
        return price != null && currency.equals(price.currency()) && price.amount().compareTo(max) <= 0;
    }
}
