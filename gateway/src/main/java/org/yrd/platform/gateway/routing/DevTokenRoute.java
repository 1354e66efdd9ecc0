package org.yrd.platform.gateway.routing;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * Local stack only: {@code POST /dev/token} relayed to the local token issuer, so the portal signs in on its own
 * origin and the Content-Security-Policy keeps {@code connect-src 'self'}. Exists only when
 * {@code gateway.dev-token.issuer-uri} is set (the launcher sets {@code DEV_TOKEN_ISSUER_URI}; production never
 * does, and then {@code /dev/token} is an ordinary 401 like every other non-public path). Only loopback clients
 * match, so the issuer stays reachable from this machine alone, exactly as when it is called directly (it binds
 * 127.0.0.1): anyone else gets a 404.
 */
@Configuration(proxyBeanMethods = false)
public class DevTokenRoute {

    public static final String PATH = "/dev/token";

    @Bean
    RouteLocator devTokenRelay(RouteLocatorBuilder routes,
                                @Value("${gateway.dev-token.issuer-uri:}") String issuerUri) {
        RouteLocatorBuilder.Builder builder = routes.routes();
        if (enabled(issuerUri)) {
            builder.route("dev-token", route -> route
                    .method(HttpMethod.POST).and().path(PATH)
                    .and().remoteAddr("127.0.0.1/8", "::1/128")
                    // the issuer needs no credentials: nothing of the caller's is passed on
                    .filters(filters -> filters.removeRequestHeader(HttpHeaders.AUTHORIZATION)
                            .removeRequestHeader(HttpHeaders.COOKIE))
                    .uri(issuerUri.strip()));
        }
        return builder.build();
    }

    public static boolean enabled(String issuerUri) {
        return issuerUri != null && !issuerUri.isBlank();
    }
}
