package org.yrd.platform.gateway.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param allowedOrigins the portal origins that may call the API from a browser ({@code PORTAL_ORIGINS})
 * @param maxAge         how long a browser may cache a preflight answer
 */
@ConfigurationProperties("gateway.cors")
public record CorsProperties(List<String> allowedOrigins, Duration maxAge) {

    public CorsProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        maxAge = maxAge == null ? Duration.ofHours(1) : maxAge;
    }
}
