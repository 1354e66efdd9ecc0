package org.yrd.platform.gateway.limits;

import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.PooledDataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.yrd.platform.gateway.problem.ProblemWriter;
import org.yrd.platform.gateway.problem.Problems;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies over the limit with a 413 before they reach a service.
 * <ul>
 * <li>With a Content-Length, the header decides at once (Netty guarantees the body matches it).</li>
 * <li>Without one (chunked), the body is read into memory up to the limit and forwarded with a Content-Length
 * only when it fits: the service never sees a partial oversized request. Memory per request is capped by the
 * limit.</li>
 * </ul>
 * Runs right after the security chain: anonymous writes are 401s before any byte of their body is read.
 */
@Component
class RequestBodyLimitFilter implements WebFilter, Ordered {

    /** Spring Security's WebFilterChainProxy runs at -100. */
    static final int ORDER = -99;

    private final long maxBytes;
    private final ProblemWriter problems;

    RequestBodyLimitFilter(LimitsProperties properties, ProblemWriter problems) {
        this.maxBytes = properties.maxRequestBody().toBytes();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders headers = request.getHeaders();
        long declaredLength = headers.getContentLength();
        if (declaredLength > maxBytes) {
            return problems.write(exchange, Problems.payloadTooLarge());
        }
        if (declaredLength >= 0 || !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(request.getBody(), (int) Math.min(maxBytes, Integer.MAX_VALUE))
                .defaultIfEmpty(exchange.getResponse().bufferFactory().wrap(new byte[0]))
                .map(Optional::of)
                .onErrorResume(DataBufferLimitException.class, tooLarge -> Mono.just(Optional.empty()))
                .flatMap(body -> body.isPresent()
                        ? chain.filter(exchange.mutate().request(withBody(request, body.get())).build())
                                .doFinally(signal -> releaseIfUnread(body.get()))
                        : problems.write(exchange, Problems.payloadTooLarge()));
    }

    /** The body is normally released by whoever writes it to the service; not when routing failed before. */
    private static void releaseIfUnread(DataBuffer body) {
        if (body instanceof PooledDataBuffer pooled && pooled.isAllocated()) {
            DataBufferUtils.release(pooled);
        }
    }

    private static ServerHttpRequest withBody(ServerHttpRequest request, DataBuffer body) {
        int length = body.readableByteCount();
        return new ServerHttpRequestDecorator(request) {
            private final HttpHeaders headers = fixedLengthHeaders(request.getHeaders(), length);

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }

            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.just(body);
            }
        };
    }

    private static HttpHeaders fixedLengthHeaders(HttpHeaders original, int length) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(original);
        headers.remove(HttpHeaders.TRANSFER_ENCODING);
        headers.setContentLength(length);
        return headers;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
