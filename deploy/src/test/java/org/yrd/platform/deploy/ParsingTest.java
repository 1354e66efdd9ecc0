package org.yrd.platform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every YAML file under deploy/ parses (all its documents), every JSON file parses, the dashboards are sound. */
class ParsingTest {

    @Test
    void everyYamlFileParsesIncludingMultiDocumentFiles() {
        List<Path> files = Deploy.files(".yml", ".yaml");
        assertThat(files).as("YAML files under deploy/").hasSizeGreaterThan(20);
        List<String> failures = new ArrayList<>();
        for (Path file : files) {
            try {
                assertThat(Deploy.yamlDocuments(Deploy.read(file))).as(file.toString()).isNotEmpty();
            } catch (RuntimeException | AssertionError e) {
                failures.add(Deploy.dir().relativize(file) + ": " + e.getMessage());
            }
        }
        assertThat(failures).as("YAML files that do not parse").isEmpty();
    }

    @Test
    void everyJsonFileParses() {
        List<Path> files = Deploy.files(".json");
        assertThat(files).as("JSON files under deploy/").isNotEmpty();
        for (Path file : files) {
            assertThat(Deploy.json(file).isObject()).as(file.toString()).isTrue();
        }
    }

    @Test
    void theThreeDashboardsAreProvisionableAndEveryPanelQueriesTheSelectedDatasource() {
        List<Path> dashboards = Deploy.files(".json").stream()
                .filter(p -> p.getParent().equals(Deploy.path("grafana/dashboards"))).toList();
        assertThat(dashboards).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder("gateway.json", "events.json", "business.json");
        Set<String> uids = new HashSet<>();
        for (Path file : dashboards) {
            JsonNode dashboard = Deploy.json(file);
            String name = file.getFileName().toString();
            assertThat(dashboard.path("uid").asString()).as(name + " uid").isNotBlank();
            assertThat(uids.add(dashboard.path("uid").asString())).as(name + " uid is unique").isTrue();
            assertThat(dashboard.path("title").asString()).as(name + " title").isNotBlank();
            assertThat(dashboard.has("id")).as(name + " has no fixed id (Grafana assigns it)").isFalse();
            boolean hasDatasourceVariable = false;
            for (JsonNode variable : dashboard.path("templating").path("list")) {
                hasDatasourceVariable |= "datasource".equals(variable.path("type").asString());
            }
            assertThat(hasDatasourceVariable).as(name + " lets the viewer pick the Prometheus datasource").isTrue();
            int queries = 0;
            for (JsonNode panel : dashboard.path("panels")) {
                if ("row".equals(panel.path("type").asString())) {
                    continue;
                }
                assertThat(panel.path("title").asString()).as(name + " panel title").isNotBlank();
                assertThat(panel.path("gridPos").path("w").asInt()).as(name + " " + panel.path("title")).isPositive();
                assertThat(panel.path("targets").size()).as(name + " " + panel.path("title") + " targets").isPositive();
                for (JsonNode target : panel.path("targets")) {
                    assertThat(target.path("expr").asString()).as(name + " " + panel.path("title")).isNotBlank();
                    assertThat(target.path("datasource").path("uid").asString())
                            .as(name + " " + panel.path("title") + " datasource").isEqualTo("${datasource}");
                    queries++;
                }
            }
            assertThat(queries).as(name + " queries").isGreaterThan(5);
        }
    }
}
