package org.yrd.platform.gateway.observability;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.server.reactive.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;

/**
 * Adds the gateway route to {@code http.server.requests}: metrics by route id and outcome. The {@code uri} tag
 * stays Spring's pattern-based one (UNKNOWN for proxied requests), so raw paths never become tags.
 */
@Component
class RouteTags extends DefaultServerRequestObservationConvention {

    static final String NO_ROUTE = "none";

    @Override
    public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
        return super.getLowCardinalityKeyValues(context).and(KeyValue.of("route", routeId(context)));
    }

    static String routeId(ServerRequestObservationContext context) {
        Object route = context.getAttributes().get(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route instanceof Route gatewayRoute ? gatewayRoute.getId() : NO_ROUTE;
    }
}
