package org.yrd.platform.commons.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.yrd.platform.commons.error.Problems;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 raised by the security filters, as problem+json like every other error. */
final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {
    }

    static AuthenticationEntryPoint unauthorized() {
        return (request, response, exception) -> {
            boolean tokenSent = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, tokenSent
                    ? "Bearer error=\"invalid_token\", error_description=\"The token is invalid, expired or from another issuer\""
                    : "Bearer");
            write(response, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", tokenSent
                    ? "The bearer token is invalid, expired or from an untrusted issuer. Get a new token and retry."
                    : "This needs a bearer token: send Authorization: Bearer <JWT>.");
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, exception) -> write(response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your roles do not allow this.");
    }

    private static void write(HttpServletResponse response, HttpStatus status, String slug, String title,
                              String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(Problems.of(status, slug, title, detail)));
    }
}
