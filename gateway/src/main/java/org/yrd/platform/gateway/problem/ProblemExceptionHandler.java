package org.yrd.platform.gateway.problem;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Turns every error that reaches the web layer into problem+json. Runs before Boot's default handler, which
 * would answer with its own JSON shape. Details are written by us, never taken from exception messages, so no
 * class name, stack trace or backend message reaches a client.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ProblemWriter writer;

    ProblemExceptionHandler(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        HttpHeaders headers = new HttpHeaders();
        Problem problem = toProblem(error, headers);
        if (problem.status() == 500) {
            log.error("{} {} failed with 500", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                    error);
        }
        else if (problem.status() >= 500) {
            // a dependency is down: one line per request, no stack trace
            log.warn("{} {} answered {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                    problem.status(), error.toString());
        }
        return writer.write(exchange, problem, headers);
    }

    private static Problem toProblem(Throwable error, HttpHeaders headers) {
        if (error instanceof DataBufferLimitException) {
            return Problems.payloadTooLarge();
        }
        if (error instanceof AuthenticationServiceException) {
            // the token could not be checked at all, e.g. the issuer's JWK set is unreachable: not the caller's fault
            headers.set(HttpHeaders.RETRY_AFTER, "5");
            return Problems.serviceUnavailable("Tokens cannot be verified right now.");
        }
        if (error instanceof ConnectException || error instanceof TimeoutException) {
            headers.set(HttpHeaders.RETRY_AFTER, "5");
            return Problems.serviceUnavailable("A backing service is unavailable.");
        }
        if (error instanceof ResponseStatusException statusError) {
            statusError.getHeaders().forEach(headers::put);
            return fromStatus(statusError.getStatusCode(), headers);
        }
        return Problems.internalError();
    }

    private static Problem fromStatus(HttpStatusCode status, HttpHeaders headers) {
        return switch (status.value()) {
            case 400 -> Problem.of(status, "bad-request", "Bad request", "The request is malformed.");
            case 404 -> Problem.of(status, "not-found", "Not found", "No resource exists at this path.");
            case 405 -> Problem.of(status, "method-not-allowed", "Method not allowed",
                    "This path does not support the request method."
                            + (headers.getAllow().isEmpty() ? "" : " Allowed: " + headers.getAllow() + "."));
            case 406 -> Problem.of(status, "not-acceptable", "Not acceptable",
                    "No representation matches the Accept header.");
            case 413 -> Problems.payloadTooLarge();
            case 415 -> Problem.of(status, "unsupported-media-type", "Unsupported media type",
                    "The request's Content-Type is not supported here.");
            case 429 -> Problem.of(status, "rate-limited", "Too many requests",
                    "The rate limit is exhausted. Retry later.");
            case 502, 503, 504 -> {
                headers.set(HttpHeaders.RETRY_AFTER, "5");
                yield Problems.serviceUnavailable("A backing service is unavailable.");
            }
            default -> status.is5xxServerError() ? Problems.internalError()
                    : Problem.of(status, "client-error", "Request not processed", "The request cannot be processed.");
        };
    }
}
