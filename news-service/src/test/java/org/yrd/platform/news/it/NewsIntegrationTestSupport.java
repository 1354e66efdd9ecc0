package org.yrd.platform.news.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yrd.platform.commons.testing.PlatformTestProperties;
import org.yrd.platform.commons.testing.TestJwtIssuer;
import org.yrd.platform.events.Topics;
import org.yrd.platform.news.NewsServiceApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Spring context for every integration test class (same annotations, same property source declared here
 * once), so the in-process KRaft broker and the service start once: real broker, wire-protocol Mongo over TCP,
 * real RS256 tokens. Tests share one database and keep apart by unique tags and words.
 */
@SpringBootTest(classes = NewsServiceApplication.class, properties = "news.search.refresh-interval=PT1H")
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 3, topics = {Topics.AGREEMENTS, Topics.TECHTRANSFER_MATCHES, Topics.NEWS,
        Topics.AGREEMENTS + Topics.DEAD_LETTER_SUFFIX})
abstract class NewsIntegrationTestSupport {

    static final TestJwtIssuer TOKENS = TestJwtIssuer.get();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PlatformTestProperties.register(registry, "news-it");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static MockHttpServletRequestBuilder asStaff(MockHttpServletRequestBuilder request) {
        return request.header("Authorization", "Bearer " + TOKENS.staff()).contentType(MediaType.APPLICATION_JSON);
    }

    static MockHttpServletRequestBuilder asPartner(MockHttpServletRequestBuilder request) {
        return request.header("Authorization", "Bearer " + TOKENS.partner("org-partner"))
                .contentType(MediaType.APPLICATION_JSON);
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    static JsonNode read(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }

    /**
     * A valid article body in both languages; {@code changes} override fields. An English-only or Chinese-only
     * title drops the summary and body of the other language (they would need a title in it).
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> article(Map<String, Object> changes) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("title", Map.of("zh-CN", "长三角区域合作新进展", "en-US", "New progress in regional cooperation"));
        body.put("summary", Map.of("zh-CN", "青浦、吴江、嘉善签署工作方案。", "en-US", "Qingpu, Wujiang and Jiashan sign a work plan."));
        body.put("body", Map.of("zh-CN", "正文。", "en-US", "Body text."));
        body.put("category", "REGIONAL_COOPERATION");
        body.put("regions", List.of("310118", "320509", "330421"));
        body.put("tags", List.of("integration"));
        if (changes.get("title") instanceof Map<?, ?> title) {
            for (String text : List.of("summary", "body")) {
                Map<String, Object> kept = new java.util.LinkedHashMap<>((Map<String, Object>) body.get(text));
                kept.keySet().retainAll(title.keySet());
                body.put(text, kept);
                if (kept.isEmpty()) {
                    body.remove(text);
                }
            }
        }
        body.putAll(changes);
        body.values().removeIf(value -> value instanceof Map<?, ?> map && map.isEmpty());
        return body;
    }

    JsonNode create(Map<String, Object> changes) throws Exception {
        return read(mvc.perform(asStaff(post("/api/v1/news")).content(json(article(changes))))
                .andExpect(status().isCreated()));
    }

    JsonNode publish(String id) throws Exception {
        return read(mvc.perform(asStaff(post("/api/v1/news/" + id + "/publish"))).andExpect(status().isOk()));
    }

    JsonNode createPublished(Map<String, Object> changes) throws Exception {
        return publish(create(changes).get("id").asString());
    }

    JsonNode list(String query) throws Exception {
        return read(mvc.perform(get("/api/v1/news?" + query)).andExpect(status().isOk()));
    }

    static List<String> ids(JsonNode page) {
        return page.get("content").valueStream().map(item -> item.get("id").asString()).toList();
    }

    long articleCount() {
        return mongo.getCollection("articles").countDocuments();
    }

    /** Every error is problem+json with type, title, status and detail, and leaks no internals. */
    ResultActions problem(MockHttpServletRequestBuilder request, int expectedStatus) throws Exception {
        ResultActions result = mvc.perform(request)
                .andExpect(status().is(expectedStatus))
                .andExpect(header().string("Content-Type",
                        org.hamcrest.Matchers.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE)))
                .andExpect(jsonPath("$.status").value(expectedStatus))
                .andExpect(jsonPath("$.type").exists())
                .andExpect(jsonPath("$.title").exists())
                .andExpect(jsonPath("$.detail").exists());
        assertThat(result.andReturn().getResponse().getContentAsString())
                .doesNotContainIgnoringCase("exception").doesNotContain("java.", "org.springframework", "com.mongodb",
                        "org.apache", "\tat ");
        return result;
    }
}
