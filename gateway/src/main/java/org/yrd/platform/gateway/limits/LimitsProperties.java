package org.yrd.platform.gateway.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** @param maxRequestBody the largest request body the gateway forwards (API.md: 1 MiB) */
@ConfigurationProperties("gateway.limits")
public record LimitsProperties(DataSize maxRequestBody) {

    public LimitsProperties {
        maxRequestBody = maxRequestBody == null ? DataSize.ofMegabytes(1) : maxRequestBody;
    }
}
