package org.yrd.platform.techtransfer.listing;

import java.math.BigDecimal;
import org.yrd.platform.events.techtransfer.Money;

/** Money as stored (amount as Decimal128, exact) and returned: {@code {"amount": 1500000, "currency": "CNY"}}. */
public record MoneyAmount(BigDecimal amount, String currency) {

    public static MoneyAmount of(MoneyInput input) {
        return input == null ? null : new MoneyAmount(input.amount(), input.currency());
    }

    public Money toEvent() {
        return new Money(amount, currency);
    }
}
