package org.yrd.platform.gateway.security;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.yrd.platform.gateway.problem.ProblemWriter;
import org.yrd.platform.gateway.problem.Problems;
import reactor.core.publisher.Mono;

/**
 * Spring's CorsWebFilter, except that a refused cross-origin request gets a 403 problem+json instead of an empty
 * 403. Sits in the security chain so that preflights are answered before authentication.
 */
class ProblemCorsWebFilter implements WebFilter {

    private final CorsConfigurationSource configurations;
    private final DefaultCorsProcessor processor = new DefaultCorsProcessor();
    private final ProblemWriter writer;

    ProblemCorsWebFilter(CorsConfigurationSource configurations, ProblemWriter writer) {
        this.configurations = configurations;
        this.writer = writer;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!CorsUtils.isCorsRequest(request)) {
            return chain.filter(exchange);
        }
        CorsConfiguration configuration = configurations.getCorsConfiguration(exchange);
        if (!processor.process(configuration, exchange)) {
            return writer.write(exchange, Problems.forbidden("Cross-origin requests from this origin are not allowed."));
        }
        return CorsUtils.isPreFlightRequest(request) ? Mono.empty() : chain.filter(exchange);
    }
}
