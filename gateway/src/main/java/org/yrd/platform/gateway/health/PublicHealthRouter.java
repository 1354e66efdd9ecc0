package org.yrd.platform.gateway.health;

import java.util.Map;
import org.springframework.boot.actuate.endpoint.ApiVersion;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.ReactiveHealthEndpointWebExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code /actuator/health}, {@code /actuator/health/liveness} and {@code /actuator/health/readiness} on the public
 * port, status only. The actuator itself lives on the management port; Boot's {@code additional-path} cannot
 * mirror it here because it accepts a single path segment only.
 */
@Configuration(proxyBeanMethods = false)
class PublicHealthRouter {

    /** The health group behind the bare {@code /actuator/health} (management.endpoint.health.group.public). */
    static final String PUBLIC_GROUP = "public";

    @Bean
    RouterFunction<ServerResponse> publicHealth(ReactiveHealthEndpointWebExtension health) {
        return RouterFunctions.route()
                .GET("/actuator/health", request -> status(health, PUBLIC_GROUP))
                .GET("/actuator/health/liveness", request -> status(health, "liveness"))
                .GET("/actuator/health/readiness", request -> status(health, "readiness"))
                .build();
    }

    private static Mono<ServerResponse> status(ReactiveHealthEndpointWebExtension health, String group) {
        return health.health(ApiVersion.LATEST, WebServerNamespace.SERVER, SecurityContext.NONE, false, group)
                .flatMap(response -> {
                    if (response.getBody() == null) {
                        return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(Map.of("status", "UNKNOWN"));
                    }
                    return ServerResponse.status(response.getStatus())
                            .contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(Map.of("status", response.getBody().getStatus().getCode()));
                });
    }
}
