package org.yrd.platform.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.yrd.platform.gateway.problem.Problem;
import org.yrd.platform.gateway.problem.Problems;
import reactor.core.publisher.Mono;

/**
 * Where the circuit breakers forward when a service is down, slow, failing or its breaker is open: a fast 503
 * problem+json with Retry-After. The predicate matches every method on purpose: a GET-only handler here is what
 * makes a forwarded POST end in a 405.
 */
@Configuration(proxyBeanMethods = false)
class FallbackRouter {

    static final String FALLBACK_PATH = "/__gateway/fallback/{serviceId}";

    @Bean
    RouterFunction<ServerResponse> circuitBreakerFallback(CircuitBreakerRegistry breakers) {
        return RouterFunctions.route(RequestPredicates.path(FALLBACK_PATH), request -> fallback(request, breakers));
    }

    private static Mono<ServerResponse> fallback(ServerRequest request, CircuitBreakerRegistry breakers) {
        Throwable failure = request.exchange().getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (failure == null) {
            // called from outside instead of forwarded by a circuit breaker
            return problem(Problem.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "No resource exists at this path."),
                    new HttpHeaders());
        }
        String serviceId = request.pathVariable("serviceId");
        long retryAfterSeconds = retryAfterSeconds(breakers, serviceId);
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        return problem(Problems.serviceUnavailable(describe(serviceId, failure, retryAfterSeconds)), headers);
    }

    /** As long as the breaker stays open, i.e. its wait in the open state, at least one second. */
    private static long retryAfterSeconds(CircuitBreakerRegistry breakers, String serviceId) {
        return breakers.find(serviceId)
                .map(breaker -> breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1))
                .map(millis -> Math.max(1, Duration.ofMillis(millis).toSeconds()))
                .orElse(10L);
    }

    private static String describe(String serviceId, Throwable failure, long retryAfterSeconds) {
        String reason = failure instanceof CallNotPermittedException
                ? "is failing and requests to it are paused"
                : failure instanceof TimeoutException
                        ? "did not answer in time"
                        : "is unavailable";
        return "The " + serviceId + " " + reason + ". Retry after " + retryAfterSeconds + " s.";
    }

    private static Mono<ServerResponse> problem(Problem problem, HttpHeaders headers) {
        return ServerResponse.status(problem.status())
                .headers(target -> target.putAll(headers))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(problem);
    }
}
