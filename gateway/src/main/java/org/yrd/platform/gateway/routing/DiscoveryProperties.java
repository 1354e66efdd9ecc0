package org.yrd.platform.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Static service discovery: service id to the base URIs of its instances
 * (e.g. {@code AGREEMENT_SERVICE_URIS=http://10.0.0.5:8082,http://10.0.0.6:8082}).
 */
@ConfigurationProperties("gateway.discovery")
public record DiscoveryProperties(Map<String, List<URI>> instances) {

    public DiscoveryProperties {
        instances = instances == null ? Map.of() : Map.copyOf(instances);
    }
}
