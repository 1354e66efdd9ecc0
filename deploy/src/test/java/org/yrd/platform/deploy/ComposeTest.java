package org.yrd.platform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The compose stack: stores, brokers, topics, identity, health-gated start-up, monitoring. */
class ComposeTest {

    static Map<String, Object> compose() {
        return Deploy.yamlMap(Deploy.path("compose/compose.yaml"));
    }

    static Map<String, Object> service(String name) {
        Map<String, Object> service = Deploy.map(compose(), "services", name);
        assertThat(service).as("compose service " + name).isNotEmpty();
        return service;
    }

    /** A compose service's environment, whether written as a map or as a list of NAME=value. */
    static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> environment = new LinkedHashMap<>();
        Object raw = service.get("environment");
        if (raw instanceof Map<?, ?> map) {
            map.forEach((k, v) -> environment.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        } else if (raw instanceof List<?> list) {
            for (Object entry : list) {
                String[] parts = String.valueOf(entry).split("=", 2);
                environment.put(parts[0], parts.length > 1 ? parts[1] : null);
            }
        }
        return environment;
    }

    @Test
    void eachServiceHasItsOwnSingleNodeMongoReplicaSetOnAPrivateNetwork() {
        for (String name : Deploy.SERVICES) {
            String store = "mongo-" + name.replace("-service", "");
            Map<String, Object> mongo = service(store);
            assertThat(Deploy.string(mongo, "image")).startsWith("mongo:8");
            assertThat(Deploy.list(mongo, "command")).contains("--replSet");
            assertThat(String.valueOf(Deploy.list(mongo, "healthcheck", "test"))).contains("rs.initiate")
                    .contains(store + ":27017");
            String uri = environment(service(name)).get("MONGODB_URI");
            assertThat(uri).as(name + " MONGODB_URI").startsWith("mongodb://" + store + ":27017/").contains("replicaSet=rs0");
            // the store's networks are shared with its service only
            for (Object network : Deploy.list(mongo, "networks")) {
                List<String> members = new ArrayList<>();
                Deploy.map(compose(), "services").forEach((other, definition) -> {
                    if (!other.equals(store) && Deploy.list(definition, "networks").contains(network)) {
                        members.add(other);
                    }
                });
                assertThat(members).as("who else is on " + network).containsExactly(name);
                assertThat(Deploy.at(compose(), "networks", String.valueOf(network), "internal")).isEqualTo(true);
            }
        }
    }

    @Test
    void kafkaRunsThreeKraftBrokersWithoutAutoCreationAndWithMinIsrTwo() {
        Set<String> voters = new HashSet<>();
        for (int node = 1; node <= 3; node++) {
            Map<String, Object> broker = service("kafka-" + node);
            Map<String, String> env = environment(broker);
            assertThat(Deploy.string(broker, "image")).startsWith("apache/kafka:4");
            assertThat(env.get("KAFKA_PROCESS_ROLES")).contains("controller").contains("broker");
            assertThat(env.get("KAFKA_NODE_ID")).isEqualTo(String.valueOf(node));
            assertThat(env.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE")).isEqualTo("false");
            assertThat(env.get("KAFKA_MIN_INSYNC_REPLICAS")).isEqualTo("2");
            assertThat(env.get("KAFKA_DEFAULT_REPLICATION_FACTOR")).isEqualTo("3");
            assertThat(env.get("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR")).isEqualTo("3");
            assertThat(env.get("KAFKA_ADVERTISED_LISTENERS")).contains("kafka-" + node + ":9092");
            assertThat(env.get("CLUSTER_ID")).isNotBlank();
            voters.add(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS"));
            assertThat(Deploy.map(broker, "healthcheck")).isNotEmpty();
        }
        assertThat(voters).as("one quorum for all three").hasSize(1);
        assertThat(voters.iterator().next().split(",")).hasSize(3);
    }

    @Test
    void theInitJobCreatesEveryPlatformTopicAndItsDeadLetterTwinWithReplicationThreeAndMinIsrTwo() {
        Map<String, Object> init = service("kafka-init");
        Map<String, String> env = environment(init);
        assertThat(env).containsEntry("TOPIC_REPLICATION_FACTOR", "3").containsEntry("TOPIC_MIN_INSYNC_REPLICAS", "2");
        assertThat(env.get("TOPIC_PARTITIONS")).as("the services' platform.kafka.partitions default").isEqualTo("3");
        for (int node = 1; node <= 3; node++) {
            assertThat(Deploy.string(init, "depends_on", "kafka-" + node, "condition")).isEqualTo("service_healthy");
        }
        String script = Deploy.read(Deploy.path("compose/kafka/create-topics.sh"));
        assertThat(script).contains("--create --if-not-exists").contains("$topic.DLT")
                .contains("--replication-factor \"$replication\"").contains("min.insync.replicas=\"$min_isr\"");
        Matcher block = Pattern.compile("topics=\\(([^)]*)\\)").matcher(script);
        assertThat(block.find()).isTrue();
        List<String> scripted = List.of(block.group(1).trim().split("\\s+"));
        assertThat(scripted).as("create-topics.sh vs event-contracts Topics.ALL")
                .containsExactlyInAnyOrderElementsOf(platformTopics());
        assertThat(Files.isExecutable(Deploy.path("compose/kafka/create-topics.sh"))).isTrue();
    }

    /** The topic names of event-contracts' Topics (the constants Topics.ALL lists). */
    static List<String> platformTopics() {
        String source = Deploy.read(Deploy.root().resolve(
                "event-contracts/src/main/java/org/yrd/platform/events/Topics.java"));
        Map<String, String> constants = new LinkedHashMap<>();
        Matcher constant = Pattern.compile("static final String (\\w+) = \"([^\"]+)\";").matcher(source);
        while (constant.find()) {
            constants.put(constant.group(1), constant.group(2));
        }
        Matcher all = Pattern.compile("List<String> ALL = List\\.of\\(([^)]*)\\)", Pattern.DOTALL).matcher(source);
        assertThat(all.find()).as("Topics.ALL").isTrue();
        List<String> topics = new ArrayList<>();
        for (String name : all.group(1).split(",")) {
            topics.add(constants.get(name.trim()));
        }
        assertThat(topics).hasSize(6).doesNotContainNull();
        return topics;
    }

    @Test
    void theApplicationsStartOnlyWhenTheirDependenciesAreHealthyAndAreHealthCheckedThemselves() {
        Map<String, Object> services = Deploy.map(compose(), "services");
        services.forEach((name, definition) -> {
            if (!name.equals("kafka-init")) {
                assertThat(Deploy.map(definition, "healthcheck")).as(name + " healthcheck").isNotEmpty();
            }
            Deploy.map(definition, "depends_on").forEach((dependency, condition) -> {
                String expected = dependency.equals("kafka-init") ? "service_completed_successfully" : "service_healthy";
                assertThat(Deploy.string(condition, "condition")).as(name + " -> " + dependency).isEqualTo(expected);
            });
        });
        for (String name : Deploy.SERVICES) {
            Map<String, Object> dependsOn = Deploy.map(service(name), "depends_on");
            assertThat(dependsOn).containsKeys("mongo-" + name.replace("-service", ""), "kafka-init", "keycloak");
        }
        assertThat(Deploy.map(service("gateway"), "depends_on")).containsKeys("agreement-service", "news-service",
                "techtransfer-service", "keycloak");
        for (String name : Deploy.APPLICATIONS) {
            Map<String, Object> app = service(name);
            assertThat(Deploy.string(app, "build", "dockerfile")).isEqualTo("deploy/docker/Dockerfile");
            assertThat(Deploy.string(app, "build", "args", "MODULE")).isEqualTo(name);
            assertThat(Deploy.string(app, "build", "args", "PORT")).isEqualTo(String.valueOf(Deploy.PORTS.get(name)));
            assertThat(Deploy.root().resolve(name).resolve("pom.xml")).as(name + " is a Maven module").exists();
            assertThat(Deploy.at(app, "read_only")).as(name + " read-only root filesystem").isEqualTo(true);
            assertThat(String.valueOf(Deploy.list(app, "healthcheck", "test"))).contains("HealthCheck");
            assertThat(environment(app).get("SERVER_PORT")).isEqualTo(String.valueOf(Deploy.PORTS.get(name)));
        }
        assertThat(environment(service("gateway")).get("MANAGEMENT_SERVER_PORT"))
                .isEqualTo(String.valueOf(Deploy.GATEWAY_MANAGEMENT_PORT));
        assertThat(Deploy.list(service("gateway"), "ports")).containsExactly("8080:8080");
        for (String name : Deploy.SERVICES) {
            assertThat(Deploy.list(service(name), "ports")).as(name + " is not published").isEmpty();
        }
    }

    @Test
    void keycloakImportsARealmWithPartnerClientsAStaffUserAndTheOrgAndRolesClaims() {
        Map<String, Object> keycloak = service("keycloak");
        assertThat(Deploy.list(keycloak, "command")).contains("--import-realm");
        assertThat(Deploy.list(keycloak, "volumes")).anyMatch(v -> String.valueOf(v)
                .startsWith("./keycloak/yrd-realm.json:/opt/keycloak/data/import/"));
        JsonNode realm = Deploy.json(Deploy.path("compose/keycloak/yrd-realm.json"));
        String issuer = environment(keycloak).get("KC_HOSTNAME") + "/realms/" + realm.path("realm").asString();
        String jwks = "http://keycloak:8080/realms/" + realm.path("realm").asString()
                + "/protocol/openid-connect/certs";
        for (String name : Deploy.APPLICATIONS) {
            assertThat(environment(service(name))).as(name).containsEntry("JWT_ISSUER_URI", issuer)
                    .containsEntry("JWT_JWK_SET_URI", jwks);
        }

        Set<String> realmRoles = new HashSet<>();
        realm.path("roles").path("realm").forEach(r -> realmRoles.add(r.path("name").asString()));
        assertThat(realmRoles).contains("PARTNER", "STAFF", "ADMIN");
        Map<String, JsonNode> usersByClient = new LinkedHashMap<>();
        List<JsonNode> humans = new ArrayList<>();
        realm.path("users").forEach(u -> {
            if (u.hasNonNull("serviceAccountClientId")) {
                usersByClient.put(u.path("serviceAccountClientId").asString(), u);
            } else {
                humans.add(u);
            }
        });
        int partners = 0;
        for (JsonNode client : realm.path("clients")) {
            if (!client.path("serviceAccountsEnabled").asBoolean()) {
                continue;
            }
            partners++;
            String clientId = client.path("clientId").asString();
            assertThat(client.path("publicClient").asBoolean()).as(clientId).isFalse();
            assertThat(client.path("secret").asString()).as(clientId + " secret").isNotBlank();
            JsonNode org = mapper(client, "org");
            assertThat(org.path("protocolMapper").asString()).isEqualTo("oidc-hardcoded-claim-mapper");
            assertThat(org.path("config").path("jsonType.label").asString()).isEqualTo("String");
            assertThat(org.path("config").path("access.token.claim").asString()).isEqualTo("true");
            assertRolesMapper(clientId, client);
            assertThat(usersByClient).as(clientId + " service account").containsKey(clientId);
            assertThat(usersByClient.get(clientId).path("realmRoles").toString()).contains("\"PARTNER\"");
        }
        assertThat(partners).as("a client per demo partner organization").isGreaterThanOrEqualTo(3);
        assertThat(humans).anySatisfy(user -> {
            assertThat(user.path("realmRoles").toString()).contains("\"STAFF\"");
            assertThat(user.path("credentials").get(0).path("type").asString()).isEqualTo("password");
        });
        JsonNode portal = null;
        for (JsonNode client : realm.path("clients")) {
            if (client.path("publicClient").asBoolean()) {
                portal = client;
            }
        }
        assertThat(portal).as("a public client for staff logins").isNotNull();
        assertRolesMapper(portal.path("clientId").asString(), portal);
    }

    private static void assertRolesMapper(String clientId, JsonNode client) {
        JsonNode roles = mapper(client, "roles");
        assertThat(roles.path("protocolMapper").asString()).as(clientId).isEqualTo("oidc-usermodel-realm-role-mapper");
        assertThat(roles.path("config").path("claim.name").asString()).isEqualTo("roles");
        assertThat(roles.path("config").path("multivalued").asString()).as("roles is an array").isEqualTo("true");
        assertThat(roles.path("config").path("access.token.claim").asString()).isEqualTo("true");
    }

    private static JsonNode mapper(JsonNode client, String claim) {
        for (JsonNode mapper : client.path("protocolMappers")) {
            if (claim.equals(mapper.path("config").path("claim.name").asString())) {
                return mapper;
            }
        }
        throw new AssertionError(client.path("clientId").asString() + " has no mapper for the " + claim + " claim");
    }

    @Test
    void prometheusAndGrafanaGetTheRulesTheDashboardsAndTheDatasource() {
        assertThat(Deploy.list(service("prometheus"), "volumes")).contains("../prometheus:/etc/prometheus:ro");
        assertThat(Deploy.list(service("prometheus"), "command")).contains("--config.file=/etc/prometheus/prometheus.yml");
        List<Object> grafanaVolumes = Deploy.list(service("grafana"), "volumes");
        Object provider = Deploy.list(Deploy.yamlMap(
                Deploy.path("compose/grafana/provisioning/dashboards/dashboards.yml")), "providers").get(0);
        String dashboardsPath = Deploy.string(provider, "options", "path");
        assertThat(grafanaVolumes).contains("../grafana/dashboards:" + dashboardsPath + ":ro")
                .contains("./grafana/provisioning:/etc/grafana/provisioning:ro");
        Object datasource = Deploy.list(Deploy.yamlMap(
                Deploy.path("compose/grafana/provisioning/datasources/prometheus.yml")), "datasources").get(0);
        assertThat(Deploy.string(datasource, "url")).isEqualTo("http://prometheus:9090");
        // Prometheus can reach every application it scrapes
        List<Object> prometheusNetworks = Deploy.list(service("prometheus"), "networks");
        for (String name : Deploy.APPLICATIONS) {
            assertThat(Deploy.list(service(name), "networks")).as(name).anyMatch(prometheusNetworks::contains);
        }
    }

    @Test
    void theScriptsAreExecutableAndParse() {
        for (String script : List.of("compose/smoke-test.sh", "compose/onboard-partner.sh",
                "compose/kafka/create-topics.sh")) {
            Path file = Deploy.path(script);
            assertThat(Files.isExecutable(file)).as(script + " is executable").isTrue();
            Deploy.Result syntax = Deploy.run(Deploy.dir(), "bash", "-n", file.toString());
            assertThat(syntax.exitCode()).as(script + ": " + syntax.output()).isZero();
        }
        String smoke = Deploy.read(Deploy.path("compose/smoke-test.sh"));
        assertThat(smoke).contains("grant_type=client_credentials").contains("/api/v1/");
    }
}
