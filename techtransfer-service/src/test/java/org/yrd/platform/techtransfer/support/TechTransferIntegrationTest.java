package org.yrd.platform.techtransfer.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yrd.platform.commons.events.EventCodec;
import org.yrd.platform.commons.testing.PlatformTestProperties;
import org.yrd.platform.commons.testing.TestJwtIssuer;
import org.yrd.platform.events.EventEnvelope;
import org.yrd.platform.events.IntegrationEvent;
import org.yrd.platform.events.Topics;
import org.yrd.platform.events.organization.OrganizationRegistered;
import org.yrd.platform.techtransfer.TechTransferApplication;
import org.yrd.platform.techtransfer.organization.OrganizationDirectory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of every integration test. All subclasses share ONE Spring context (same annotations, same inherited
 * property source), so the in-process KRaft broker and the wire-protocol store start once for the suite. Each
 * test works with organizations of its own, so tests do not see each other's data.
 */
@SpringBootTest(classes = TechTransferApplication.class, properties = {
        "techtransfer.listings.expiry-scan-interval=PT1H",
        "logging.level.org.apache.kafka=WARN",
        "logging.level.kafka=WARN",
        "logging.level.org.apache.zookeeper=WARN"})
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 3, topics = {Topics.ORGANIZATIONS, Topics.AGREEMENTS, Topics.TECHTRANSFER_OFFERS,
        Topics.TECHTRANSFER_REQUESTS, Topics.TECHTRANSFER_MATCHES})
public abstract class TechTransferIntegrationTest {

    protected static final TestJwtIssuer TOKENS = TestJwtIssuer.get();
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final String API = "/api/v1/techtransfer";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PlatformTestProperties.register(registry, "techtransfer-it");
    }

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected KafkaTemplate<String, Object> kafka;
    @Autowired
    protected EmbeddedKafkaBroker broker;
    @Autowired
    protected MongoTemplate mongo;
    @Autowired
    protected OrganizationDirectory directory;

    protected EventLog events() {
        return EventLog.get(broker.getBrokersAsString());
    }

    // --- organizations, as agreement-service announces them ---

    /** Registers an organization through organizations.v1 and waits until the read model has it. */
    protected String organization(String label, String region) {
        String id = "org-" + label + "-" + UUID.randomUUID().toString().substring(0, 8);
        publish(Topics.ORGANIZATIONS, new OrganizationRegistered(id, Map.of("en-US", label + " Org",
                "zh-CN", label + "机构"), "ENTERPRISE", region), 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> directory.find(id).isPresent());
        return id;
    }

    protected void publish(String topic, IntegrationEvent event, long version) {
        publish(topic, null, new EventEnvelope<>(UUID.randomUUID().toString(), event.type(), Instant.now(),
                event.aggregateId(), version, event));
    }

    protected void publish(String topic, Integer partition, EventEnvelope<?> envelope) {
        try {
            kafka.send(new ProducerRecord<>(topic, partition, envelope.aggregateId(), EventCodec.encode(envelope)))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected static String partner(String organizationId) {
        return TOKENS.partner(organizationId);
    }

    protected static String staff() {
        return TOKENS.staff();
    }

    // --- HTTP ---

    public record Response(int status, JsonNode body, MvcResult result) {

        public String id() {
            return body.get("id").asString();
        }

        public String header(String name) {
            return result.getResponse().getHeader(name);
        }

        public String contentType() {
            return result.getResponse().getContentType();
        }

        public Response expect(int expected) {
            assertThat(status).as("status of %s %s: %s", result.getRequest().getMethod(),
                    result.getRequest().getRequestURI(), body).isEqualTo(expected);
            return this;
        }
    }

    protected Response call(MockHttpServletRequestBuilder request, String token) {
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        try {
            MvcResult result = mvc.perform(request).andReturn();
            String content = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            JsonNode body = content.isEmpty() ? JSON.missingNode() : JSON.readTree(content);
            return new Response(result.getResponse().getStatus(), body, result);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected Response getAs(String token, String path) {
        return call(get(path), token);
    }

    protected Response postAs(String token, String path, Object body) {
        return call(withBody(post(path), body), token);
    }

    /** A PUT with the version it is based on ({@code If-Match}, as the ETag of a GET; null sends none). */
    protected Response putAs(String token, String path, Object body, String ifMatch) {
        MockHttpServletRequestBuilder request = withBody(put(path), body);
        if (ifMatch != null) {
            request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return call(request, token);
    }

    private static MockHttpServletRequestBuilder withBody(MockHttpServletRequestBuilder request, Object body) {
        request.contentType(MediaType.APPLICATION_JSON);
        if (body != null) {
            request.content(body instanceof String text ? text : JSON.writeValueAsString(body));
        }
        return request;
    }

    // --- listings ---

    protected static Map<String, Object> offerBody(String title, String region) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", Map.of("en-US", title, "zh-CN", "固态电池电解质"));
        body.put("summary", Map.of("en-US", "A safe solid electrolyte for lithium batteries with high ionic "
                + "conductivity", "zh-CN", "一种用于锂电池的高安全性固态电解质材料"));
        body.put("field", "NEW_ENERGY_ENERGY_SAVING");
        body.put("keywords", List.of("electrolyte", "solid-state", "锂电池"));
        body.put("trl", 6);
        body.put("ipStatus", "PATENT_GRANTED");
        body.put("patentNumbers", List.of("CN110000000B"));
        body.put("transferModes", List.of("LICENSE", "ASSIGNMENT"));
        body.put("askingPrice", Map.of("amount", 1500000, "currency", "CNY"));
        body.put("region", region);
        return body;
    }

    protected static Map<String, Object> requestBody(String title, String region) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", Map.of("en-US", title, "zh-CN", "锂电池电解质需求"));
        body.put("description", Map.of("en-US", "We need a safer electrolyte for our lithium battery packs",
                "zh-CN", "我们需要更安全的锂电池电解质"));
        body.put("field", "NEW_ENERGY_ENERGY_SAVING");
        body.put("keywords", List.of("electrolyte", "battery"));
        body.put("requiredTrlMin", 5);
        body.put("budget", Map.of("min", 500000, "max", 2000000, "currency", "CNY"));
        body.put("acceptableModes", List.of("LICENSE", "JOINT_DEVELOPMENT"));
        body.put("region", region);
        return body;
    }

    /** Adds what a client must never set on an offer (ids, state, versions, timestamps, owner, score). */
    protected static Map<String, Object> withFieldsAClientMustNotSet(Map<String, Object> body, String otherOrg) {
        body.put("id", "off-chosen-by-client");
        body.put("status", "PUBLISHED");
        body.put("version", 42);
        body.put("createdAt", "2000-01-01T00:00:00Z");
        body.put("publishedAt", "2000-01-01T00:00:00Z");
        body.put("organizationId", otherOrg);
        body.put("score", 1.0);
        body.put("renewed", true);
        return body;
    }

    protected String submitOffer(String token, Map<String, Object> body) {
        return postAs(token, API + "/offers", body).expect(201).id();
    }

    protected String submitRequest(String token, Map<String, Object> body) {
        return postAs(token, API + "/requests", body).expect(201).id();
    }

    protected Response review(String kind, String id, String decision, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", decision);
        if (reason != null) {
            body.put("reason", reason);
        }
        return postAs(staff(), API + "/" + kind + "/" + id + "/review", body);
    }

    protected String publishedOffer(String organizationId, String title, String region) {
        String id = submitOffer(partner(organizationId), offerBody(title, region));
        review("offers", id, "APPROVE", null).expect(200);
        return id;
    }

    protected String publishedRequest(String organizationId, String title, String region) {
        String id = submitRequest(partner(organizationId), requestBody(title, region));
        review("requests", id, "APPROVE", null).expect(200);
        return id;
    }
}
