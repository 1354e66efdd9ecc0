package org.yrd.platform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** promtool accepts the configuration and the rules, the rules' unit tests pass, every component is scraped. */
class PrometheusTest {

    @Test
    void promtoolAcceptsTheComposeConfigurationAndItsRuleFiles() {
        Deploy.Result result = Deploy.run(Deploy.dir(), Deploy.promtool(), "check", "config",
                "prometheus/prometheus.yml");
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void promtoolAcceptsTheAlertRules() {
        Deploy.Result result = Deploy.run(Deploy.dir(), Deploy.promtool(), "check", "rules", "prometheus/alerts.yml");
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void theAlertRulesPassTheirUnitTests() {
        Deploy.Result result = Deploy.run(Deploy.path("prometheus"), Deploy.promtool(), "test", "rules",
                "alerts.test.yml");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    void theRequiredAlertsExist() {
        Map<String, String> alerts = new HashMap<>();
        Map<String, String> durations = new HashMap<>();
        for (Object group : Deploy.list(Deploy.yamlMap(Deploy.path("prometheus/alerts.yml")), "groups")) {
            for (Object rule : Deploy.list(group, "rules")) {
                alerts.put(Deploy.string(rule, "alert"), Deploy.string(rule, "expr"));
                durations.put(Deploy.string(rule, "alert"), Deploy.string(rule, "for"));
                assertThat(Deploy.string(rule, "labels", "severity")).as(Deploy.string(rule, "alert") + " severity")
                        .isIn("warning", "critical");
                assertThat(Deploy.string(rule, "annotations", "summary")).as(Deploy.string(rule, "alert")).isNotBlank();
            }
        }
        // outbox backlog growing for 5 minutes
        assertThat(alerts.get("OutboxBacklogGrowing")).contains("outbox_backlog").contains("[5m]");
        assertThat(durations.get("OutboxBacklogGrowing")).isEqualTo("5m");
        // any record on a DLT
        assertThat(alerts.get("KafkaDeadLetter")).contains("kafka_dlt_records_total");
        // a breaker open for 2 minutes
        assertThat(alerts.get("CircuitBreakerOpen")).contains("resilience4j_circuitbreaker_state").contains("open");
        assertThat(durations.get("CircuitBreakerOpen")).isEqualTo("2m");
        // a 5xx rate above 1 %
        assertThat(alerts.get("HighServerErrorRate")).contains("5..").contains("> 0.01");
        // consumer lag above a threshold
        assertThat(alerts.get("KafkaConsumerLagHigh")).contains("kafka_consumer_fetch_manager_records_lag_max");
        // a service down
        assertThat(alerts.get("ServiceDown")).contains("up").contains("== 0");
        assertThat(alerts.get("ServiceAbsent")).contains("absent(up");
        for (String application : Deploy.APPLICATIONS) {
            assertThat(alerts.get("ServiceAbsent")).contains("application=\"" + application + "\"");
        }
    }

    @Test
    void composePrometheusScrapesEveryServiceOnItsPortAndTheGatewayOnItsManagementPort() {
        Map<String, Object> config = Deploy.yamlMap(Deploy.path("prometheus/prometheus.yml"));
        assertThat(Deploy.list(config, "rule_files")).containsExactly("alerts.yml");
        Map<String, String> targets = new HashMap<>();
        for (Object job : Deploy.list(config, "scrape_configs")) {
            for (Object staticConfig : Deploy.list(job, "static_configs")) {
                String application = Deploy.string(staticConfig, "labels", "application");
                if (application != null) {
                    assertThat(Deploy.string(job, "metrics_path")).isEqualTo("/actuator/prometheus");
                    assertThat(Deploy.at(job, "honor_labels")).as("keep the applications' own tags").isEqualTo(true);
                    targets.put(application, (String) Deploy.list(staticConfig, "targets").get(0));
                }
            }
        }
        for (String service : Deploy.SERVICES) {
            assertThat(targets).containsEntry(service, service + ":" + Deploy.PORTS.get(service));
        }
        assertThat(targets).containsEntry("gateway", "gateway:" + Deploy.GATEWAY_MANAGEMENT_PORT);
    }

    @Test
    void theKubernetesScrapeConfigurationKeepsThePlatformPodsAndLabelsThemByApplication() {
        // Debian's promtool is built without Kubernetes service discovery, so this one is checked structurally
        Map<String, Object> config = Deploy.yamlMap(Deploy.path("prometheus/prometheus-kubernetes.yml"));
        assertThat(Deploy.list(config, "rule_files")).containsExactly("alerts.yml");
        Object job = Deploy.list(config, "scrape_configs").get(0);
        assertThat(Deploy.list(job, "kubernetes_sd_configs")).isNotEmpty();
        List<Object> relabel = Deploy.list(job, "relabel_configs");
        assertThat(relabel).anySatisfy(r -> {
            assertThat(Deploy.string(r, "target_label")).isEqualTo("application");
            assertThat(Deploy.list(r, "source_labels")).containsExactly("__meta_kubernetes_pod_label_app_kubernetes_io_name");
        });
        for (Object rule : relabel) {
            String regex = Deploy.string(rule, "regex");
            if (regex != null) {
                java.util.regex.Pattern.compile(regex);
            }
        }
    }
}
