package org.yrd.platform.gateway.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param strippedHeaderPrefixes      request headers (matched by case-insensitive prefix) that only the platform may
 *                                    set; a client's copies are removed before routing so nobody can impersonate a
 *                                    caller
 * @param jwkSetMinRefreshInterval    how often, at most, a token with an unknown key id makes the gateway fetch the
 *                                    issuer's JWK set again ({@link JwkSetCache}); in between such a token is a 401
 */
@ConfigurationProperties("gateway.security")
public record GatewaySecurityProperties(List<String> strippedHeaderPrefixes, Duration jwkSetMinRefreshInterval) {

    public GatewaySecurityProperties {
        strippedHeaderPrefixes = strippedHeaderPrefixes == null ? List.of() : List.copyOf(strippedHeaderPrefixes);
        jwkSetMinRefreshInterval = jwkSetMinRefreshInterval == null ? Duration.ofSeconds(30) : jwkSetMinRefreshInterval;
        if (jwkSetMinRefreshInterval.isNegative()) {
            throw new IllegalArgumentException("gateway.security.jwk-set-min-refresh-interval must not be negative");
        }
    }
}
