package org.yrd.platform.events.techtransfer;

import java.math.BigDecimal;

public record Money(BigDecimal amount, String currency) {
}
