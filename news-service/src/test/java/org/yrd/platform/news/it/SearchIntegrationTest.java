package org.yrd.platform.news.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yrd.platform.news.article.ArticleIndexing;
import org.yrd.platform.news.search.ArticleIndex;

/** Full-text search through the API: Chinese and English, ranking, filters, consistency with the store, bulkhead. */
class SearchIntegrationTest extends NewsIntegrationTestSupport {

    @Autowired
    BulkheadRegistry bulkheads;
    @Autowired
    MeterRegistry registry;
    @Autowired
    ArticleIndexing indexing;
    @Autowired
    ArticleIndex index;

    private List<String> search(String query, String tag) throws Exception {
        return ids(read(mvc.perform(get("/api/v1/news").param("q", query).param("tag", tag))
                .andExpect(status().isOk())));
    }

    @Test
    void aChineseQueryFindsChineseTextWithoutSpaces() throws Exception {
        String tag = unique("zh");
        String target = createPublished(Map.of("tags", List.of(tag), "title", Map.of("zh-CN", "推动长三角区域一体化发展"),
                "body", Map.of("zh-CN", "青浦、吴江、嘉善三地签署2019年一体化发展工作方案。"))).get("id").asString();
        createPublished(Map.of("tags", List.of(tag), "title", Map.of("zh-CN", "固态电池电解质技术许可"),
                "summary", Map.of("zh-CN", "高校成果转化。"), "body", Map.of("zh-CN", "上海交通大学与恒力集团达成合作。")));

        assertThat(search("长三角一体化", tag)).containsExactly(target);
        assertThat(search("工作方案", tag)).containsExactly(target);
        assertThat(search("量子计算", tag)).isEmpty();
    }

    @Test
    void anEnglishQueryFindsInflectedFormsAcrossTitlesSummariesAndBodies() throws Exception {
        String tag = unique("en");
        String target = createPublished(Map.of("tags", List.of(tag), "title", Map.of("en-US", "Batteries licensed"),
                "summary", Map.of("en-US", "Solid-state electrolytes move from the lab to the plant"))).get("id").asString();
        assertThat(search("battery licensing", tag)).containsExactly(target);
        assertThat(search("electrolyte", tag)).containsExactly(target);
        assertThat(search("Plants", tag)).containsExactly(target);
    }

    @Test
    void resultsAreRankedByRelevanceNotByDate() throws Exception {
        String tag = unique("rank");
        String word = "zorblax";
        // created first (oldest): the word in the title
        String inTitle = createPublished(Map.of("tags", List.of(tag), "title", Map.of("en-US", "Zorblax pilot zone opens"))).get("id").asString();
        String inSummary = createPublished(Map.of("tags", List.of(tag), "title", Map.of("en-US", "Pilot zone news"),
                "summary", Map.of("en-US", "The zorblax programme expands"))).get("id").asString();
        String inBody = createPublished(Map.of("tags", List.of(tag), "title", Map.of("en-US", "Weekly digest"),
                "body", Map.of("en-US", "Among other items, the zorblax programme was mentioned."))).get("id").asString();

        assertThat(search(word, tag)).containsExactly(inTitle, inSummary, inBody);
        // an explicit sort overrides relevance
        assertThat(ids(read(mvc.perform(get("/api/v1/news").param("q", word).param("tag", tag)
                .param("sort", "publishedAt,desc"))))).containsExactly(inBody, inSummary, inTitle);
        // paging of ranked hits
        var page = read(mvc.perform(get("/api/v1/news").param("q", word).param("tag", tag).param("size", "2").param("page", "1")));
        assertThat(ids(page)).containsExactly(inBody);
        assertThat(page.get("page").get("totalElements").asLong()).isEqualTo(3);
    }

    @Test
    void searchHonoursVisibilityFiltersAndEveryChange() throws Exception {
        String tag = unique("state");
        String id = create(Map.of("tags", List.of(tag), "title", Map.of("en-US", "Quasar corridor draft"))).get("id").asString();
        assertThat(search("quasar", tag)).isEmpty();
        assertThat(ids(read(mvc.perform(asStaff(get("/api/v1/news")).param("q", "quasar").param("tag", tag)
                .param("status", "DRAFT"))))).containsExactly(id);

        publish(id);
        assertThat(search("quasar", tag)).containsExactly(id);
        assertThat(ids(read(mvc.perform(get("/api/v1/news").param("q", "quasar").param("lang", "zh-CN")
                .param("tag", tag))))).isEmpty();
        assertThat(ids(read(mvc.perform(get("/api/v1/news").param("q", "quasar").param("region", "330421")
                .param("tag", tag))))).containsExactly(id);

        // an edit replaces the indexed text
        mvc.perform(asStaff(put("/api/v1/news/" + id)).header("If-Match", "\"2\"")
                .content(json(article(Map.of("tags", List.of(tag), "title", Map.of("en-US", "Nebula corridor")))))).andExpect(status().isOk());
        assertThat(search("quasar", tag)).isEmpty();
        assertThat(search("nebula", tag)).containsExactly(id);

        mvc.perform(asStaff(post("/api/v1/news/" + id + "/archive"))).andExpect(status().isOk());
        assertThat(search("nebula", tag)).isEmpty();
    }

    @Test
    void theIndexCatchesUpWithWritesItDidNotMake() throws Exception {
        // as if another instance had stored this article: the local index has never seen it
        String id = "art-" + unique("foreign").replace("-", "");
        String tag = unique("foreign");
        Instant now = Instant.now();
        mongo.insert(new Document("_id", id).append("version", 1L).append("createdAt", Date.from(now))
                .append("updatedAt", Date.from(now)).append("title", new Document("en-US", "Pulsar bridge opened"))
                .append("category", "EVENT").append("regions", List.of()).append("regionScope", List.of())
                .append("tags", List.of(tag)).append("languages", List.of("en-US")).append("slug", id)
                .append("status", "PUBLISHED").append("publishedAt", Date.from(now)), "articles");
        assertThat(search("pulsar", tag)).isEmpty();

        indexing.catchUp();
        assertThat(search("pulsar", tag)).containsExactly(id);

        indexing.rebuild();
        assertThat(search("pulsar", tag)).containsExactly(id);
        assertThat(index.size()).isEqualTo((int) articleCount());
    }

    @Test
    void badQueriesAreA400AndOperatorsAreJustText() throws Exception {
        problem(get("/api/v1/news").param("q", "x".repeat(201)), 400)
                .andExpect(jsonPath("$.errors[0].field").value("q"));
        mvc.perform(get("/api/v1/news").param("q", "{\"$gt\": \"\"} OR *:* title_en:*")).andExpect(status().isOk());
    }

    @Test
    void searchIsTimedAndBehindABulkheadThatAnswers503WhenFull() throws Exception {
        long before = registry.timer("news.search").count();
        mvc.perform(get("/api/v1/news").param("q", "integration")).andExpect(status().isOk());
        assertThat(registry.timer("news.search").count()).isEqualTo(before + 1);

        Bulkhead bulkhead = bulkheads.bulkhead("search");
        int permits = bulkhead.getBulkheadConfig().getMaxConcurrentCalls();
        for (int i = 0; i < permits; i++) {
            assertThat(bulkhead.tryAcquirePermission()).isTrue();
        }
        try {
            problem(get("/api/v1/news").param("q", "integration"), 503)
                    .andExpect(header().exists("Retry-After"))
                    .andExpect(jsonPath("$.type").value(endsWith("unavailable")));
            // listing without q does not touch the search index and keeps working
            mvc.perform(get("/api/v1/news")).andExpect(status().isOk());
        } finally {
            for (int i = 0; i < permits; i++) {
                bulkhead.onComplete();
            }
        }
        mvc.perform(get("/api/v1/news").param("q", "integration")).andExpect(status().isOk());
    }
}
