package org.yrd.platform.gateway.security;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import org.yrd.platform.gateway.problem.ProblemWriter;
import org.yrd.platform.gateway.problem.Problems;
import reactor.core.publisher.Mono;

/**
 * 401 as problem+json with an RFC 6750 challenge. The wording is fixed: the decoder's messages never reach the
 * client.
 */
class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    private final ProblemWriter writer;

    ProblemAuthenticationEntryPoint(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        boolean tokenSent = failure instanceof OAuth2AuthenticationException
                || exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, tokenSent
                ? "Bearer error=\"invalid_token\", error_description=\"The token is invalid, expired or from another issuer\""
                : "Bearer");
        return writer.write(exchange, Problems.unauthorized(tokenSent
                ? "The bearer token is invalid, expired or from an untrusted issuer. Get a new token and retry."
                : "This needs a bearer token: send Authorization: Bearer <JWT>."), headers);
    }
}
