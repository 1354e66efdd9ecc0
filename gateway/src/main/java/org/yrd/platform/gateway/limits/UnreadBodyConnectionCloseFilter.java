package org.yrd.platform.gateway.limits;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Closes the connection after a response sent before its request body was read: a 401, 413 or 429 that the
 * gateway decides from the headers alone.
 * <p>
 * Reactor Netty (1.3.6 here) can lose the read of a keep-alive request that arrives before such an exchange has
 * terminated: the next request on the connection then goes unanswered until the client gives up (20 s in the
 * security drill; reactor/reactor-netty pull request 4347). {@code Connection: close} makes the client send its
 * next request on a fresh connection, as HTTP servers commonly do rather than drain an unwanted body. Requests that
 * are read in full (every routed one) keep their connection.
 */
@Component
class UnreadBodyConnectionCloseFilter implements WebFilter, Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!hasBody(request.getHeaders())) {
            return chain.filter(exchange);
        }
        AtomicBoolean bodyRead = new AtomicBoolean();
        ServerHttpRequest tracked = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().doOnComplete(() -> bodyRead.set(true));
            }
        };
        ServerWebExchange trackedExchange = exchange.mutate().request(tracked).build();
        ServerHttpResponse response = trackedExchange.getResponse();
        response.beforeCommit(() -> {
            if (!bodyRead.get()) {
                response.getHeaders().set(HttpHeaders.CONNECTION, "close");
            }
            return Mono.empty();
        });
        return chain.filter(trackedExchange);
    }

    private static boolean hasBody(HttpHeaders headers) {
        return headers.getContentLength() > 0 || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
    }
}
