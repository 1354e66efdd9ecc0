package org.yrd.platform.localstack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The names, default ports and wiring of the local stack's components. */
public final class Components {

    public static final String KAFKA = "kafka";
    public static final String MONGO_NEWS = "mongo-news";
    public static final String MONGO_AGREEMENT = "mongo-agreement";
    public static final String MONGO_TECHTRANSFER = "mongo-techtransfer";
    public static final String TOKEN_ISSUER = "token-issuer";
    public static final String AGREEMENT_SERVICE = "agreement-service";
    public static final String NEWS_SERVICE = "news-service";
    public static final String TECHTRANSFER_SERVICE = "techtransfer-service";
    public static final String GATEWAY = "gateway";

    /** Ports that belong to a component but are not its main port. */
    public static final String KAFKA_CONTROLLER_PORT = "kafka-controller";
    public static final String GATEWAY_MANAGEMENT_PORT = "gateway-management";

    /** Every component, infrastructure first. */
    public static final List<String> ALL = List.of(
            KAFKA, MONGO_NEWS, MONGO_AGREEMENT, MONGO_TECHTRANSFER, TOKEN_ISSUER,
            AGREEMENT_SERVICE, NEWS_SERVICE, TECHTRANSFER_SERVICE, GATEWAY);

    /** A Spring Boot service module: its own Mongo store and database, and the variable that replaces the store. */
    record Service(String name, String store, String database, String externalMongoUriVariable, String gatewayUrisVariable) {}

    static final List<Service> SERVICES = List.of(
            new Service(AGREEMENT_SERVICE, MONGO_AGREEMENT, "agreement", "AGREEMENT_MONGODB_URI", "AGREEMENT_SERVICE_URIS"),
            new Service(NEWS_SERVICE, MONGO_NEWS, "news", "NEWS_MONGODB_URI", "NEWS_SERVICE_URIS"),
            new Service(TECHTRANSFER_SERVICE, MONGO_TECHTRANSFER, "techtransfer", "TECHTRANSFER_MONGODB_URI", "TECHTRANSFER_SERVICE_URIS"));

    static Map<String, Integer> defaultPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put(KAFKA, 9092);
        ports.put(KAFKA_CONTROLLER_PORT, 9093);
        ports.put(MONGO_NEWS, 27081);
        ports.put(MONGO_AGREEMENT, 27082);
        ports.put(MONGO_TECHTRANSFER, 27083);
        ports.put(TOKEN_ISSUER, 9000);
        ports.put(NEWS_SERVICE, 8081);
        ports.put(AGREEMENT_SERVICE, 8082);
        ports.put(TECHTRANSFER_SERVICE, 8083);
        ports.put(GATEWAY, 8080);
        ports.put(GATEWAY_MANAGEMENT_PORT, 9080);
        return ports;
    }

    static Optional<Service> service(String component) {
        return SERVICES.stream().filter(service -> service.name().equals(component)).findFirst();
    }

    static Optional<Service> serviceOwningStore(String store) {
        return SERVICES.stream().filter(service -> service.store().equals(store)).findFirst();
    }

    static boolean isMongoStore(String component) {
        return serviceOwningStore(component).isPresent();
    }

    /** Services and the gateway are stopped before the infrastructure they use. */
    static boolean isApplication(String component) {
        return component.equals(GATEWAY) || service(component).isPresent();
    }

    static void requireKnown(String component) {
        if (!ALL.contains(component)) {
            throw new IllegalArgumentException("unknown component '" + component + "'; known: " + String.join(", ", ALL));
        }
    }

    private Components() {}
}
