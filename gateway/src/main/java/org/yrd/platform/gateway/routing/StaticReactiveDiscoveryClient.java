package org.yrd.platform.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Feeds Spring Cloud LoadBalancer from {@link DiscoveryProperties}, so a service scales out by adding a URI to
 * its environment variable, without code changes and without a registry to run.
 */
@Component
class StaticReactiveDiscoveryClient implements ReactiveDiscoveryClient {

    private final Map<String, List<ServiceInstance>> instancesByService;

    StaticReactiveDiscoveryClient(DiscoveryProperties properties) {
        this.instancesByService = properties.instances().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                        entry -> toInstances(entry.getKey(), entry.getValue())));
    }

    private static List<ServiceInstance> toInstances(String serviceId, List<URI> uris) {
        return IntStream.range(0, uris.size())
                .mapToObj(index -> (ServiceInstance) toInstance(serviceId, index, uris.get(index)))
                .toList();
    }

    private static DefaultServiceInstance toInstance(String serviceId, int index, URI uri) {
        boolean secure = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : (secure ? 443 : 80);
        return new DefaultServiceInstance(serviceId + "-" + index, serviceId, uri.getHost(), port, secure);
    }

    @Override
    public String description() {
        return "Static instances from gateway.discovery.instances";
    }

    @Override
    public Flux<ServiceInstance> getInstances(String serviceId) {
        return Flux.fromIterable(instancesByService.getOrDefault(serviceId, List.of()));
    }

    @Override
    public Flux<String> getServices() {
        return Flux.fromIterable(instancesByService.keySet());
    }

    @Override
    public int getOrder() {
        // ahead of the (empty) simple discovery client
        return HIGHEST_PRECEDENCE;
    }
}
