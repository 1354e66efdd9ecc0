package org.yrd.platform.gateway.problem;

import org.springframework.http.HttpStatus;

/** The gateway's recurring problems, one place for their wording. */
public final class Problems {

    private Problems() {
    }

    public static Problem payloadTooLarge() {
        return Problem.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                "The request body exceeds the limit of 1 MiB.");
    }

    public static Problem serviceUnavailable(String detail) {
        return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable", detail);
    }

    public static Problem internalError() {
        return Problem.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The gateway failed to handle the request. It has been logged.");
    }

    public static Problem unauthorized(String detail) {
        return Problem.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail);
    }

    public static Problem forbidden(String detail) {
        return Problem.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    public static Problem tooManyRequests(long retryAfterSeconds) {
        return Problem.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                "The rate limit is exhausted. Retry after " + retryAfterSeconds + " s.");
    }
}
