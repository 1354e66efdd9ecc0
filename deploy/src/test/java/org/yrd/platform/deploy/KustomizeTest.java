package org.yrd.platform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code kubectl kustomize deploy/k8s/overlays/<env>} renders, and the output has the properties production needs. */
class KustomizeTest {

    /** Secrets the base references; they are created outside the repository (operator, vault, kubectl). */
    static final Set<String> EXTERNAL_SECRETS = Set.of("agreement-service-mongodb", "news-service-mongodb",
            "techtransfer-service-mongodb", "gateway-redis", "gateway-tls");

    static List<String> overlays() {
        return Deploy.OVERLAYS;
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyApplicationHasADeploymentWithProbesResourcesAndAHardenedContainer(String overlay) {
        List<Map<String, Object>> resources = Deploy.render(overlay);
        assertThat(Deploy.ofKind(resources, "Deployment")).extracting(d -> Deploy.string(d, "metadata", "name"))
                .containsExactlyInAnyOrderElementsOf(Deploy.APPLICATIONS);
        for (String application : Deploy.APPLICATIONS) {
            Map<String, Object> deployment = Deploy.named(resources, "Deployment", application);
            Map<String, Object> pod = Deploy.map(deployment, "spec", "template", "spec");
            String what = overlay + " " + application;
            assertThat(Deploy.at(pod, "securityContext", "runAsNonRoot")).as(what + " runAsNonRoot").isEqualTo(true);
            assertThat((Integer) Deploy.at(pod, "securityContext", "runAsUser")).as(what + " runAsUser").isPositive();
            assertThat(Deploy.string(pod, "securityContext", "seccompProfile", "type")).isEqualTo("RuntimeDefault");
            assertThat(Deploy.at(pod, "automountServiceAccountToken")).as(what).isEqualTo(false);

            List<Object> containers = Deploy.list(pod, "containers");
            assertThat(containers).as(what + " containers").hasSize(1);
            Object container = containers.get(0);
            assertThat(Deploy.at(container, "securityContext", "readOnlyRootFilesystem")).as(what).isEqualTo(true);
            assertThat(Deploy.at(container, "securityContext", "allowPrivilegeEscalation")).as(what).isEqualTo(false);
            assertThat(Deploy.list(container, "securityContext", "capabilities", "drop")).as(what).containsExactly("ALL");
            assertThat(Deploy.string(container, "image")).as(what + " image").doesNotEndWith(":latest").contains(":");

            for (String kind : List.of("requests", "limits")) {
                assertThat(Deploy.map(container, "resources", kind)).as(what + " resources." + kind)
                        .containsKeys("cpu", "memory");
            }
            int probePort = application.equals("gateway") ? Deploy.GATEWAY_MANAGEMENT_PORT : Deploy.PORTS.get(application);
            assertProbe(what, container, "livenessProbe", "/actuator/health/liveness", probePort);
            assertProbe(what, container, "readinessProbe", "/actuator/health/readiness", probePort);

            // read-only root filesystem: /tmp is an emptyDir
            Object tmpMount = Deploy.list(container, "volumeMounts").stream()
                    .filter(m -> "/tmp".equals(Deploy.string(m, "mountPath"))).findFirst().orElse(null);
            assertThat(tmpMount).as(what + " mounts a volume at /tmp").isNotNull();
            String volume = Deploy.string(tmpMount, "name");
            assertThat(Deploy.list(pod, "volumes")).as(what + " /tmp is an emptyDir")
                    .anyMatch(v -> volume.equals(Deploy.string(v, "name")) && Deploy.at(v, "emptyDir") != null);
        }
    }

    private static void assertProbe(String what, Object container, String probe, String path, int port) {
        String probePath = Deploy.string(container, probe, "httpGet", "path");
        assertThat(probePath).as(what + " " + probe + " path").isEqualTo(path);
        Object probePort = Deploy.at(container, probe, "httpGet", "port");
        int resolved = probePort instanceof Integer number ? number : Deploy.list(container, "ports").stream()
                .filter(p -> String.valueOf(probePort).equals(Deploy.string(p, "name")))
                .map(p -> (Integer) Deploy.at(p, "containerPort")).findFirst().orElse(-1);
        assertThat(resolved).as(what + " " + probe + " port").isEqualTo(port);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyApplicationHasAServiceAndAPodDisruptionBudgetMatchingItsPods(String overlay) {
        List<Map<String, Object>> resources = Deploy.render(overlay);
        for (String application : Deploy.APPLICATIONS) {
            Map<String, Object> podLabels = podLabels(resources, application);
            Map<String, Object> service = Deploy.named(resources, "Service", application);
            assertThat(podLabels).as(overlay + " Service " + application + " selects the pods")
                    .containsAllEntriesOf(Deploy.map(service, "spec", "selector"));
            assertThat(Deploy.list(service, "spec", "ports")).anyMatch(p ->
                    Integer.valueOf(Deploy.PORTS.get(application)).equals(Deploy.at(p, "port")));
            Map<String, Object> budget = Deploy.named(resources, "PodDisruptionBudget", application);
            assertThat(podLabels).as(overlay + " PDB " + application + " selects the pods")
                    .containsAllEntriesOf(Deploy.map(budget, "spec", "selector", "matchLabels"));
            assertThat(Deploy.at(budget, "spec", "maxUnavailable") != null
                    || Deploy.at(budget, "spec", "minAvailable") != null).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theGatewayAndTechtransferServiceScaleWithAnHpaThatOwnsTheirReplicas(String overlay) {
        List<Map<String, Object>> resources = Deploy.render(overlay);
        assertThat(Deploy.ofKind(resources, "HorizontalPodAutoscaler"))
                .extracting(h -> Deploy.string(h, "spec", "scaleTargetRef", "name"))
                .containsExactlyInAnyOrder("gateway", "techtransfer-service");
        for (Map<String, Object> hpa : Deploy.ofKind(resources, "HorizontalPodAutoscaler")) {
            String target = Deploy.string(hpa, "spec", "scaleTargetRef", "name");
            assertThat(Deploy.string(hpa, "apiVersion")).isEqualTo("autoscaling/v2");
            assertThat(Deploy.string(hpa, "spec", "scaleTargetRef", "kind")).isEqualTo("Deployment");
            int min = (Integer) Deploy.at(hpa, "spec", "minReplicas");
            int max = (Integer) Deploy.at(hpa, "spec", "maxReplicas");
            assertThat(min).isPositive().isLessThan(max);
            assertThat(Deploy.list(hpa, "spec", "metrics")).isNotEmpty();
            assertThat(Deploy.at(Deploy.named(resources, "Deployment", target), "spec", "replicas"))
                    .as(overlay + " " + target + ": replicas belong to the HPA (an apply would reset them)").isNull();
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void networkPoliciesLetOnlyTheGatewayReachTheServicesAndOnlyEachServiceReachItsStore(String overlay) {
        List<Map<String, Object>> resources = Deploy.render(overlay);
        List<Map<String, Object>> policies = Deploy.ofKind(resources, "NetworkPolicy");

        // a deny-all for every platform pod, with DNS as the only exception
        Map<String, Object> deny = Deploy.named(resources, "NetworkPolicy", "platform-default-deny");
        assertThat(Deploy.list(deny, "spec", "policyTypes")).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(Deploy.list(deny, "spec", "ingress")).isEmpty();
        assertThat(Deploy.list(deny, "spec", "egress")).isEmpty();
        for (String application : Deploy.APPLICATIONS) {
            assertThat(podLabels(resources, application)).as(application + " is covered by the deny-all")
                    .containsAllEntriesOf(Deploy.map(deny, "spec", "podSelector", "matchLabels"));
        }

        for (String service : Deploy.SERVICES) {
            Map<String, Object> labels = podLabels(resources, service);
            // every ingress rule of every policy that selects the service's pods admits the gateway or monitoring
            for (Map<String, Object> policy : policies) {
                if (!selects(policy, labels)) {
                    continue;
                }
                for (Object rule : Deploy.list(policy, "spec", "ingress")) {
                    List<Object> from = Deploy.list(rule, "from");
                    assertThat(from).as(overlay + " " + Deploy.string(policy, "metadata", "name")
                            + ": an ingress rule for " + service + " without peers admits everyone").isNotEmpty();
                    for (Object peer : from) {
                        boolean gateway = "gateway".equals(Deploy.string(peer, "podSelector", "matchLabels",
                                "app.kubernetes.io/name")) && Deploy.at(peer, "namespaceSelector") == null;
                        boolean monitoring = "monitoring".equals(Deploy.string(peer, "namespaceSelector",
                                "matchLabels", "kubernetes.io/metadata.name"));
                        assertThat(gateway || monitoring).as(overlay + " " + service + " admits only the gateway"
                                + " and Prometheus, not " + peer).isTrue();
                    }
                }
            }
            // the service's store admits the service, and no other application
            String store = service.replace("-service", "") + "-mongodb";
            Map<String, Object> storePolicy = Deploy.named(resources, "NetworkPolicy", store);
            assertThat(Deploy.string(storePolicy, "spec", "podSelector", "matchLabels", "platform.yrd.org/store"))
                    .isEqualTo(store);
            Set<String> admitted = new HashSet<>();
            for (Object rule : Deploy.list(storePolicy, "spec", "ingress")) {
                for (Object peer : Deploy.list(rule, "from")) {
                    String name = Deploy.string(peer, "podSelector", "matchLabels", "app.kubernetes.io/name");
                    if (name != null) {
                        admitted.add(name);
                    }
                }
            }
            assertThat(admitted).as(overlay + " " + store + " admits").containsExactly(service);
            // and the service may leave only towards its own store, the brokers and HTTPS (JWKS)
            Map<String, Object> own = Deploy.named(resources, "NetworkPolicy", service);
            List<String> stores = new ArrayList<>();
            for (Object rule : Deploy.list(own, "spec", "egress")) {
                for (Object peer : Deploy.list(rule, "to")) {
                    stores.add(Deploy.string(peer, "podSelector", "matchLabels", "platform.yrd.org/store"));
                }
            }
            assertThat(stores).as(overlay + " " + service + " egress").containsExactlyInAnyOrder(store, "kafka");
            assertThat(labels).containsEntry("platform.yrd.org/kafka-client", "true");
        }

        // the brokers admit the Kafka clients (the services), not the gateway
        Map<String, Object> kafka = Deploy.named(resources, "NetworkPolicy", "kafka");
        assertThat(Deploy.list(kafka, "spec", "ingress")).isNotEmpty();
        assertThat(podLabels(resources, "gateway")).doesNotContainKey("platform.yrd.org/kafka-client");
        // the gateway reaches the three services
        Map<String, Object> gateway = Deploy.named(resources, "NetworkPolicy", "gateway");
        Set<String> reached = new HashSet<>();
        for (Object rule : Deploy.list(gateway, "spec", "egress")) {
            for (Object peer : Deploy.list(rule, "to")) {
                String name = Deploy.string(peer, "podSelector", "matchLabels", "app.kubernetes.io/name");
                if (name != null) {
                    reached.add(name);
                }
            }
        }
        assertThat(reached).containsExactlyInAnyOrderElementsOf(Deploy.SERVICES);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void configMapsResolveSecretsAreTheDocumentedOnesAndTheNamespaceEnforcesRestricted(String overlay) {
        List<Map<String, Object>> resources = Deploy.render(overlay);
        Set<String> configMaps = new HashSet<>();
        Deploy.ofKind(resources, "ConfigMap").forEach(c -> configMaps.add(Deploy.string(c, "metadata", "name")));
        for (String application : Deploy.APPLICATIONS) {
            Object container = Deploy.list(Deploy.named(resources, "Deployment", application), "spec", "template",
                    "spec", "containers").get(0);
            for (Object source : Deploy.list(container, "envFrom")) {
                assertThat(Deploy.at(source, "secretRef")).as("secrets come one by one through env").isNull();
                assertThat(configMaps).as(overlay + " " + application).contains(Deploy.string(source, "configMapRef",
                        "name"));
            }
            for (Object variable : Deploy.list(container, "env")) {
                String secret = Deploy.string(variable, "valueFrom", "secretKeyRef", "name");
                if (secret != null) {
                    assertThat(EXTERNAL_SECRETS).as(overlay + " " + application + " secret").contains(secret);
                }
            }
        }
        List<Map<String, Object>> namespaces = Deploy.ofKind(resources, "Namespace");
        assertThat(namespaces).hasSize(1);
        assertThat(Deploy.map(namespaces.get(0), "metadata", "labels"))
                .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
        String namespace = Deploy.string(namespaces.get(0), "metadata", "name");
        for (Map<String, Object> resource : resources) {
            if (!"Namespace".equals(resource.get("kind"))) {
                assertThat(Deploy.string(resource, "metadata", "namespace")).as(resource.get("kind") + " "
                        + Deploy.string(resource, "metadata", "name")).isEqualTo(namespace);
            }
        }
        Map<String, Object> ingress = Deploy.named(resources, "Ingress", "gateway");
        assertThat(Deploy.list(ingress, "spec", "tls")).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theDashboardsAndAlertRulesShipAsConfigMapsOfTheSameFilesComposeMounts(String overlay) {
        List<Map<String, Object>> resources = Deploy.render(overlay);
        Map<String, Object> dashboards = Deploy.named(resources, "ConfigMap", "grafana-dashboards");
        assertThat(Deploy.map(dashboards, "metadata", "labels")).containsEntry("grafana_dashboard", "1");
        Map<String, Object> data = Deploy.map(dashboards, "data");
        assertThat(data.keySet()).containsExactlyInAnyOrder("gateway.json", "events.json", "business.json");
        data.forEach((file, text) -> assertThat(text).as(file)
                .isEqualTo(Deploy.read(Deploy.path("grafana/dashboards/" + file))));
        Map<String, Object> rules = Deploy.named(resources, "ConfigMap", "prometheus-alert-rules");
        assertThat(Deploy.string(rules, "data", "alerts.yml")).isEqualTo(Deploy.read(Deploy.path("prometheus/alerts.yml")));
    }

    static Map<String, Object> podLabels(List<Map<String, Object>> resources, String application) {
        return Deploy.map(Deploy.named(resources, "Deployment", application), "spec", "template", "metadata",
                "labels");
    }

    private static boolean selects(Map<String, Object> policy, Map<String, Object> labels) {
        Map<String, Object> matchLabels = Deploy.map(policy, "spec", "podSelector", "matchLabels");
        return labels.entrySet().containsAll(matchLabels.entrySet());
    }
}
