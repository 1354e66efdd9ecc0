package org.yrd.platform.gateway.limits;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
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
 * Closes the connection after a client-error response (4xx), and after any response sent before its request body
 * was read.
 * <p>
 * Reactor Netty 1.3.6 loses the read of a keep-alive request that arrives while the previous exchange is still
 * terminating: the request is queued and never answered (reactor/reactor-netty 4347, fixed in 1.3.8, which this
 * build cannot take: it needs Netty 4.2.19, whose native transports are not served here, and on Netty 4.2.18 it
 * corrupted request buffers under load). Answers the gateway gives at once from the headers alone (a 401, 403, 413
 * or 429) are exactly the ones a client follows fastest; the security drill saw the next request on such a
 * connection wait 20 s. {@code Connection: close} sends it on a fresh connection instead. It also spares the server
 * from draining a body it will not read. Successful exchanges keep their connection, and so do 5xx answers: a 503
 * while a breaker is open must stay as cheap as the backend-down drill measures it (p99 under 20 ms), and
 * reconnecting for each one tripled its tail.
 */
@Component
class RejectionConnectionCloseFilter implements WebFilter, Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        AtomicBoolean bodyRead = new AtomicBoolean(!hasBody(request.getHeaders()));
        ServerWebExchange tracked = bodyRead.get() ? exchange : exchange.mutate()
                .request(new ServerHttpRequestDecorator(request) {
                    @Override
                    public Flux<DataBuffer> getBody() {
                        return super.getBody().doOnComplete(() -> bodyRead.set(true));
                    }
                }).build();
        ServerHttpResponse response = tracked.getResponse();
        response.beforeCommit(() -> {
            HttpStatusCode status = response.getStatusCode();
            if (!bodyRead.get() || status != null && status.is4xxClientError()) {
                response.getHeaders().set(HttpHeaders.CONNECTION, "close");
            }
            return Mono.empty();
        });
        return chain.filter(tracked);
    }

    private static boolean hasBody(HttpHeaders headers) {
        return headers.getContentLength() > 0 || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
    }
}
