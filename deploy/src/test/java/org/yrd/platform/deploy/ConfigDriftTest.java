package org.yrd.platform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Configuration drift: every environment variable compose and the Kubernetes overlays set for an application maps
 * to something that application reads (see {@link ReadProperties}); and the settings production cannot do without
 * are set everywhere.
 */
class ConfigDriftTest {

    /** Where each application's environment is set: "compose" and one entry per overlay. */
    static Map<String, Map<String, Map<String, String>>> environments() {
        Map<String, Map<String, Map<String, String>>> all = new LinkedHashMap<>();
        Map<String, Map<String, String>> compose = new LinkedHashMap<>();
        for (String application : Deploy.APPLICATIONS) {
            compose.put(application, ComposeTest.environment(ComposeTest.service(application)));
        }
        all.put("compose", compose);
        for (String overlay : Deploy.OVERLAYS) {
            all.put("k8s/" + overlay, kubernetesEnvironments(Deploy.render(overlay)));
        }
        return all;
    }

    /** Each Deployment's container environment: env entries plus the keys of the ConfigMaps it takes whole. */
    static Map<String, Map<String, String>> kubernetesEnvironments(List<Map<String, Object>> resources) {
        Map<String, Map<String, String>> environments = new LinkedHashMap<>();
        for (String application : Deploy.APPLICATIONS) {
            Map<String, String> environment = new TreeMap<>();
            Object container = Deploy.list(Deploy.named(resources, "Deployment", application), "spec", "template",
                    "spec", "containers").get(0);
            for (Object source : Deploy.list(container, "envFrom")) {
                String configMap = Deploy.string(source, "configMapRef", "name");
                if (configMap != null) {
                    Deploy.map(Deploy.named(resources, "ConfigMap", configMap), "data")
                            .forEach((key, value) -> environment.put(key, String.valueOf(value)));
                }
            }
            for (Object variable : Deploy.list(container, "env")) {
                String value = Deploy.string(variable, "value");
                environment.put(Deploy.string(variable, "name"), value == null ? "<from " + Deploy.string(variable,
                        "valueFrom", "secretKeyRef", "name") + ">" : value);
            }
            environments.put(application, environment);
        }
        return environments;
    }

    @Test
    void everyVariableSetForAnApplicationIsReadByIt() {
        Map<String, ReadProperties> read = new LinkedHashMap<>();
        Deploy.APPLICATIONS.forEach(application -> read.put(application, ReadProperties.of(application)));
        Map<String, String> unknown = new TreeMap<>();
        int checked = 0;
        for (var where : environments().entrySet()) {
            for (var application : where.getValue().entrySet()) {
                for (String variable : application.getValue().keySet()) {
                    checked++;
                    if (read.get(application.getKey()).reason(variable) == null) {
                        unknown.put(where.getKey() + " " + application.getKey() + " " + variable,
                                "no ${" + variable + "} placeholder and no property of that name in "
                                        + application.getKey() + "'s configuration or code");
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(40);
        assertThat(unknown).as("environment variables nothing reads (a typo, or a property that was renamed)")
                .isEmpty();
    }

    @Test
    void theCheckItselfTellsAReadVariableFromAnUnknownOne() {
        ReadProperties service = ReadProperties.of("agreement-service");
        assertThat(service.reason("MONGODB_URI")).startsWith("placeholder");
        assertThat(service.reason("PLATFORM_KAFKA_CREATE_TOPICS")).isEqualTo("relaxed binding of platform.kafka.create-topics");
        assertThat(service.reason("PLATFORM_KAFKA_REPLICATION_FACTOR")).contains("platform.kafka.replication-factor");
        assertThat(service.reason("SPRING_KAFKA_CONSUMER_GROUP_ID")).contains("spring.kafka.consumer.group-id");
        assertThat(service.reason("JAVA_OPTS")).isEqualTo("JVM/OS variable");
        assertThat(service.reason("MONGO_URI")).isNull();
        assertThat(service.reason("KAFKA_BOOTSTRAP_SERVER")).isNull();
        assertThat(service.reason("AGREEMENT_SERVICE_URIS")).as("a gateway variable").isNull();
        ReadProperties gateway = ReadProperties.of("gateway");
        assertThat(gateway.reason("AGREEMENT_SERVICE_URIS")).startsWith("placeholder");
        assertThat(gateway.reason("MONGODB_URI")).as("the gateway has no store").isNull();
        assertThat(gateway.reason("KAFKA_BOOTSTRAP_SERVERS")).as("nor a broker").isNull();
    }

    @Test
    void productionSettingsAreSetEverywhere() {
        for (var where : environments().entrySet()) {
            for (String service : Deploy.SERVICES) {
                Map<String, String> env = where.getValue().get(service);
                String what = where.getKey() + " " + service;
                assertThat(env).as(what).containsKeys("MONGODB_URI", "KAFKA_BOOTSTRAP_SERVERS", "JWT_ISSUER_URI",
                        "JWT_JWK_SET_URI");
                assertThat(env).as(what + ": topics are created up front, not by the services")
                        .containsEntry("PLATFORM_KAFKA_CREATE_TOPICS", "false");
                assertThat(env).as(what).containsEntry("SERVER_PORT", String.valueOf(Deploy.PORTS.get(service)));
            }
            Map<String, String> gateway = where.getValue().get("gateway");
            String what = where.getKey() + " gateway";
            assertThat(gateway).as(what).containsKeys("JWT_ISSUER_URI", "JWT_JWK_SET_URI", "PORTAL_ORIGINS")
                    .containsEntry("SERVER_PORT", "8080")
                    .containsEntry("MANAGEMENT_SERVER_PORT", String.valueOf(Deploy.GATEWAY_MANAGEMENT_PORT));
            for (String service : Deploy.SERVICES) {
                String variable = service.replace("-service", "").toUpperCase() + "_SERVICE_URIS";
                assertThat(gateway.get(variable)).as(what + " " + variable)
                        .isEqualTo("http://" + service + ":" + Deploy.PORTS.get(service));
            }
            // one issuer for everyone
            assertThat(Deploy.SERVICES).allSatisfy(service -> assertThat(where.getValue().get(service)
                    .get("JWT_ISSUER_URI")).isEqualTo(gateway.get("JWT_ISSUER_URI")));
        }
    }
}
