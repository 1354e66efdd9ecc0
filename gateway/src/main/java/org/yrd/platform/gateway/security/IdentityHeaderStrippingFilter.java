package org.yrd.platform.gateway.security;

import java.util.List;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Removes identity headers a client might send (X-Caller-Org, X-User-Id, ...) before anything else sees the
 * request: the platform's identity is the validated token, nothing else.
 */
@Component
class IdentityHeaderStrippingFilter implements WebFilter, Ordered {

    private final List<String> prefixes;

    IdentityHeaderStrippingFilter(GatewaySecurityProperties properties) {
        this.prefixes = properties.strippedHeaderPrefixes().stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        List<String> spoofed = exchange.getRequest().getHeaders().headerNames().stream()
                .filter(this::isReserved)
                .toList();
        if (spoofed.isEmpty()) {
            return chain.filter(exchange);
        }
        ServerHttpRequest cleaned = exchange.getRequest().mutate()
                .headers(headers -> spoofed.forEach(headers::remove))
                .build();
        return chain.filter(exchange.mutate().request(cleaned).build());
    }

    private boolean isReserved(String headerName) {
        String name = headerName.toLowerCase(Locale.ROOT);
        return prefixes.stream().anyMatch(name::startsWith);
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
