package org.yrd.platform.gateway.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.yrd.platform.gateway.problem.ProblemWriter;
import org.yrd.platform.gateway.routing.DevTokenRoute;
import org.yrd.platform.gateway.problem.Problems;

/**
 * Token validation on every request that carries one, anonymous access to the public reads of API.md only.
 * Roles are the services' business: they validate the token again.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    /** GET (and HEAD) paths anyone may call without a token: the public reads of API.md, health, docs, portal. */
    static final List<String> PUBLIC_READS = List.of(
            "/api/v1/news", "/api/v1/news/**",
            "/api/v1/organizations", "/api/v1/organizations/**",
            "/api/v1/agreements", "/api/v1/agreements/**",
            "/api/v1/techtransfer/offers", "/api/v1/techtransfer/offers/{id}",
            "/api/v1/techtransfer/branch-centers",
            "/api/v1/techtransfer/stats",
            "/actuator/health", "/actuator/health/**",
            "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
            "/swagger-ui.html", "/swagger-ui/**", "/webjars/swagger-ui/**",
            "/", "/index.html", "/assets/**", "/favicon.ico");

    /**
     * Same-origin only, no inline script. The one hash allows the single style element Swagger UI 5.32 injects
     * (seen as a CSP violation in headless Chromium); no 'unsafe-inline'.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** The actuator's own port is internal (not published): scrapers and probes need no token there. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain managementChain(ServerHttpSecurity http, ManagementServerPort managementPort) {
        return http
                .securityMatcher(exchange -> managementPort.matches(exchange)
                        ? MatchResult.match() : MatchResult.notMatch())
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .build();
    }

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityWebFilterChain publicChain(ServerHttpSecurity http, ProblemWriter problems,
                                       CorsConfigurationSource corsConfigurationSource,
                                       @Value("${gateway.dev-token.issuer-uri:}") String devTokenIssuerUri) {
        ProblemAuthenticationEntryPoint unauthorized = new ProblemAuthenticationEntryPoint(problems);
        return http
                .authorizeExchange(exchanges -> {
                    exchanges.matchers(publicReads()).permitAll();
                    if (DevTokenRoute.enabled(devTokenIssuerUri)) {
                        // local stack only (DevTokenRoute): the portal's sign-in, answered for loopback clients only
                        exchanges.pathMatchers(HttpMethod.POST, DevTokenRoute.PATH).permitAll();
                    }
                    exchanges.anyExchange().authenticated();
                })
                // a bearer token sent on a public path is still validated: a bad one is a 401, never ignored
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> { })
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler((exchange, denied) -> problems.write(exchange,
                                Problems.forbidden("You are not allowed to do this."))))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler((exchange, denied) -> problems.write(exchange,
                                Problems.forbidden("You are not allowed to do this."))))
                .addFilterAt(new ProblemCorsWebFilter(corsConfigurationSource, problems), SecurityWebFiltersOrder.CORS)
                // stateless API with bearer tokens: no session, no cookie, hence no CSRF token
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frame -> frame.mode(Mode.DENY)))
                .build();
    }

    private static ServerWebExchangeMatcher publicReads() {
        List<ServerWebExchangeMatcher> matchers = new ArrayList<>();
        for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.HEAD)) {
            for (String pattern : PUBLIC_READS) {
                matchers.add(new PathPatternParserServerWebExchangeMatcher(pattern, method));
            }
        }
        return new OrServerWebExchangeMatcher(matchers);
    }

    /** The issuer's keys, fetched on the first token (no discovery call at startup); closed with the context. */
    @Bean
    JwkSetCache jwkSetCache(@Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwkSetUri,
                            GatewaySecurityProperties properties) {
        return new JwkSetCache(jwkSetUri, properties.jwkSetMinRefreshInterval());
    }

    /** RS256 keys from the cache, issuer and expiry checked on every token. */
    @Bean
    ReactiveJwtDecoder jwtDecoder(JwkSetCache jwkSetCache,
                                  @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuerUri) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(jwkSetCache)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuerUri));
        // an unreachable JWK set surfaces as a bare IllegalStateException; as a JwtException Spring Security
        // reports it as an AuthenticationServiceException, which the problem handler answers with a 503
        return token -> decoder.decode(token).onErrorMap(error -> !(error instanceof JwtException),
                error -> new JwtException("The signing keys could not be obtained", error));
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(properties.allowedOrigins());
        configuration.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        configuration.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
                HttpHeaders.ACCEPT, HttpHeaders.ACCEPT_LANGUAGE, HttpHeaders.IF_MATCH, HttpHeaders.IF_NONE_MATCH));
        configuration.setExposedHeaders(List.of(HttpHeaders.ETAG, HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER,
                HttpHeaders.WWW_AUTHENTICATE, "RateLimit-Limit", "RateLimit-Remaining"));
        // bearer tokens, no cookies: credentials mode stays off
        configuration.setAllowCredentials(false);
        configuration.setMaxAge(properties.maxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", configuration);
        return source;
    }
}
