package org.yrd.platform.gateway.openapi;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /v3/api-docs/{agreement,news,techtransfer}}: each service's own {@code /v3/api-docs}, fetched through
 * the load balancer, with {@code servers} pointed at the gateway so that Swagger UI's "Try it out" goes through
 * the gateway (same origin) and not straight to a service. Listed in Swagger UI by springdoc.swagger-ui.urls.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiRoutes {

    /** Doc name (the last path segment) to service id. */
    static final Map<String, String> SERVICE_DOCS = new LinkedHashMap<>();

    static {
        SERVICE_DOCS.put("agreement", "agreement-service");
        SERVICE_DOCS.put("news", "news-service");
        SERVICE_DOCS.put("techtransfer", "techtransfer-service");
    }

    @Bean
    RouteLocator serviceApiDocs(RouteLocatorBuilder routes, JsonMapper json) {
        RouteLocatorBuilder.Builder builder = routes.routes();
        SERVICE_DOCS.forEach((name, serviceId) -> builder.route("openapi-" + name, route -> route
                .method(HttpMethod.GET).and().path("/v3/api-docs/" + name)
                .filters(filters -> filters
                        .setPath("/v3/api-docs")
                        .modifyResponseBody(String.class, String.class,
                                (exchange, body) -> Mono.justOrEmpty(servedByGateway(json, body))))
                .uri("lb://" + serviceId)));
        return builder.build();
    }

    /** The document with {@code servers: [{url: "/"}]}; anything that is not a JSON object passes unchanged. */
    static String servedByGateway(JsonMapper json, String body) {
        if (body == null) {
            return null;
        }
        try {
            JsonNode document = json.readTree(body);
            if (!(document instanceof ObjectNode object)) {
                return body;
            }
            object.putArray("servers").addObject()
                    .put("url", "/")
                    .put("description", "YRD platform gateway");
            return json.writeValueAsString(object);
        }
        catch (JacksonException notJson) {
            return body;
        }
    }
}
