package org.yrd.platform.gateway.observability;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;

/**
 * One access log line per request, written when the server observation stops, i.e. after error handling, so the
 * status is the one the client got. Logger {@code org.yrd.platform.gateway.access}, logfmt, e.g.
 * {@code method=GET path=/api/v1/news status=200 route=news-service duration_ms=12 trace_id=4bf92f35...}.
 */
@Component
class AccessLogObservationHandler implements ObservationHandler<ServerRequestObservationContext> {

    private static final Logger accessLog = LoggerFactory.getLogger("org.yrd.platform.gateway.access");

    private record StartedAt(long nanos) {
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof ServerRequestObservationContext;
    }

    @Override
    public void onStart(ServerRequestObservationContext context) {
        context.put(StartedAt.class, new StartedAt(System.nanoTime()));
    }

    @Override
    public void onStop(ServerRequestObservationContext context) {
        if (!accessLog.isInfoEnabled()) {
            return;
        }
        StartedAt started = context.get(StartedAt.class);
        long durationMillis = started == null ? -1 : (System.nanoTime() - started.nanos()) / 1_000_000;
        HttpStatusCode status = context.getResponse() == null ? null : context.getResponse().getStatusCode();
        accessLog.info("method={} path={} status={} route={} duration_ms={} trace_id={}",
                context.getCarrier().getMethod().name(),
                context.getCarrier().getPath().value(),
                context.isConnectionAborted() ? "aborted" : (status == null ? "-" : Integer.toString(status.value())),
                RouteTags.routeId(context),
                durationMillis,
                traceId(context));
    }

    private static String traceId(Observation.Context context) {
        TracingObservationHandler.TracingContext tracing = context.get(TracingObservationHandler.TracingContext.class);
        if (tracing == null || tracing.getSpan() == null) {
            return "-";
        }
        String traceId = tracing.getSpan().context().traceId();
        return traceId == null || traceId.isEmpty() ? "-" : traceId;
    }
}
