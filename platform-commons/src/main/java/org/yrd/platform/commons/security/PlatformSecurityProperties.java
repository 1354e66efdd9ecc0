package org.yrd.platform.commons.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param issuerUri       the trusted token issuer ({@code iss} must match)
 * @param jwkSetUri       where the issuer's public keys are fetched
 * @param publicGetPaths  GET paths anyone may read without a token (Ant patterns)
 * @param jwkConnectTimeout deliberate time limits on the one HTTP call a service makes: fetching the keys
 * @param jwkReadTimeout  see above
 */
@ConfigurationProperties("platform.security")
public record PlatformSecurityProperties(
        String issuerUri,
        String jwkSetUri,
        List<String> publicGetPaths,
        Duration jwkConnectTimeout,
        Duration jwkReadTimeout) {

    public PlatformSecurityProperties {
        publicGetPaths = publicGetPaths == null ? List.of() : List.copyOf(publicGetPaths);
        jwkConnectTimeout = jwkConnectTimeout == null ? Duration.ofSeconds(2) : jwkConnectTimeout;
        jwkReadTimeout = jwkReadTimeout == null ? Duration.ofSeconds(3) : jwkReadTimeout;
    }
}
