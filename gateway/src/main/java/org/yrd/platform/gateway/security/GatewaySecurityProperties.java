package org.yrd.platform.gateway.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param strippedHeaderPrefixes request headers (matched by case-insensitive prefix) that only the platform may
 *                               set; a client's copies are removed before routing so nobody can impersonate a caller
 */
@ConfigurationProperties("gateway.security")
public record GatewaySecurityProperties(List<String> strippedHeaderPrefixes) {

    public GatewaySecurityProperties {
        strippedHeaderPrefixes = strippedHeaderPrefixes == null ? List.of() : List.copyOf(strippedHeaderPrefixes);
    }
}
