package org.yrd.platform.news.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** The article API over HTTP: creation, validation, versions, lifecycle, visibility, listing, metrics. */
class ArticleApiIntegrationTest extends NewsIntegrationTestSupport {

    @Autowired
    MeterRegistry registry;

    @Test
    void staffCreatesADraftWithAStableSlugAndAVersion() throws Exception {
        String title = unique("Qingpu Wujiang Jiashan sign");
        JsonNode created = read(mvc.perform(asStaff(post("/api/v1/news"))
                        .content(json(article(Map.of("title", Map.of("zh-CN", "青浦吴江嘉善签约", "en-US", title))))))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(header().string("Location", containsString("/api/v1/news/art-"))));

        assertThat(created.get("status").asString()).isEqualTo("DRAFT");
        assertThat(created.get("version").asLong()).isEqualTo(1);
        assertThat(created.get("slug").asString()).isEqualTo(title.toLowerCase().replace(' ', '-'));
        assertThat(created.get("languages").toString()).isEqualTo("[\"en-US\",\"zh-CN\"]");
        assertThat(created.get("publishedAt").isNull()).isTrue();
        assertThat(created.get("bodyHtml").get("en-US").asString()).isEqualTo("<p>Body text.</p>\n");
        assertThat(created.has("createdAt") && created.has("updatedAt")).isTrue();
    }

    @Test
    void slugsAreUniqueAndChineseOnlyArticlesGetAReadableOne() throws Exception {
        String title = unique("Same English title");
        JsonNode first = create(Map.of("title", Map.of("en-US", title)));
        JsonNode second = create(Map.of("title", Map.of("en-US", title)));
        assertThat(first.get("slug").asString()).isEqualTo(title.toLowerCase().replace(' ', '-'));
        assertThat(second.get("slug").asString()).startsWith(first.get("slug").asString() + "-")
                .isNotEqualTo(first.get("slug").asString());

        JsonNode chinese = create(Map.of("title", Map.of("zh-CN", "长三角一体化示范区")));
        assertThat(chinese.get("slug").asString()).matches("news-[0-9a-f]{8}");
        assertThat(chinese.get("languages").toString()).isEqualTo("[\"zh-CN\"]");
    }

    @Test
    void invalidInputIsA400NamingEachFieldAndStoresNothing() throws Exception {
        long before = articleCount();
        Map<String, Object> noTitle = new HashMap<>(article(Map.of()));
        noTitle.remove("title");
        problem(asStaff(post("/api/v1/news")).content(json(noTitle)), 400)
                .andExpect(jsonPath("$.errors[0].field").value("title"));
        problem(asStaff(post("/api/v1/news")).content(json(article(Map.of("title", Map.of("zh-CN", " ", "en-US", ""))))), 400)
                .andExpect(jsonPath("$.errors[0].field").value("title"));
        problem(asStaff(post("/api/v1/news")).content(json(article(Map.of("category", "GOSSIP")))), 400)
                .andExpect(jsonPath("$.errors[0].field").value("category"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("REGIONAL_COOPERATION")));
        problem(asStaff(post("/api/v1/news")).content(json(article(Map.of("regions", List.of("310118", "999999"))))), 400)
                .andExpect(jsonPath("$.errors[0].field").value("regions[1]"));
        problem(asStaff(post("/api/v1/news")).content(json(article(Map.of("title", Map.of("fr-FR", "Bonjour"))))), 400)
                .andExpect(jsonPath("$.errors[0].field").value("title"));
        problem(asStaff(post("/api/v1/news")).content(json(article(Map.of("title", Map.of("zh-CN", "只有中文标题"),
                        "summary", Map.of("en-US", "English summary without an English title"))))), 400)
                .andExpect(jsonPath("$.errors[0].field").value("summary"));
        problem(asStaff(post("/api/v1/news")).content(json(article(Map.of("tags", List.of("ok", "<script>"))))), 400)
                .andExpect(jsonPath("$.errors[0].field").value("tags[1]"));
        problem(asStaff(post("/api/v1/news")).content("{\"title\": "), 400);
        assertThat(articleCount()).isEqualTo(before);
    }

    @Test
    void mongoOperatorsInFieldsAreRefusedAndStoreNothing() throws Exception {
        long before = articleCount();
        // an operator object where a string belongs
        problem(asStaff(post("/api/v1/news")).content(json(article(Map.of("title", Map.of("en-US", Map.of("$gt", "")))))), 400)
                .andExpect(jsonPath("$.errors[0].field").value(containsString("title")));
        problem(asStaff(post("/api/v1/news")).content(json(article(Map.of("tags", List.of(Map.of("$gt", "")))))), 400);
        problem(asStaff(post("/api/v1/news")).content(json(article(Map.of("regions", List.of(Map.of("$ne", "x")))))), 400);
        problem(asStaff(post("/api/v1/news")).content(json(article(Map.of("category", Map.of("$ne", "POLICY"))))), 400)
                .andExpect(jsonPath("$.errors[0].field").value("category"));
        // $-keys in the bilingual maps
        problem(asStaff(post("/api/v1/news")).content(json(article(Map.of("title", Map.of("$where", "1 == 1", "en-US", "x"))))), 400)
                .andExpect(jsonPath("$.errors[0].field").value("title"));
        problem(asStaff(post("/api/v1/news")).content(json(article(Map.of("body", Map.of("$set", Map.of("status", "PUBLISHED")))))), 400);
        problem(asStaff(post("/api/v1/news")).content(json(article(Map.of("tags", List.of("$where"))))), 400)
                .andExpect(jsonPath("$.errors[0].field").value("tags[0]"));
        assertThat(articleCount()).isEqualTo(before);

        // operators in query parameters are plain strings: they match nothing rather than everything
        String tag = unique("inj");
        createPublished(Map.of("tags", List.of(tag)));
        assertThat(list("tag=" + tag).get("page").get("totalElements").asLong()).isEqualTo(1);
        assertThat(read(mvc.perform(get("/api/v1/news").param("tag", "{\"$gt\":\"\"}")).andExpect(status().isOk()))
                .get("page").get("totalElements").asLong()).isZero();
        assertThat(read(mvc.perform(get("/api/v1/news").param("tag[$ne]", "x").param("tag", tag))
                .andExpect(status().isOk())).get("page").get("totalElements").asLong()).isEqualTo(1);
        problem(get("/api/v1/news/{id}", "{\"$gt\":\"\"}"), 404);
    }

    @Test
    void aBodyOfTwoMegabytesIsA413AndStoresNothing() throws Exception {
        long before = articleCount();
        String huge = "x".repeat(2 * 1024 * 1024);
        problem(asStaff(post("/api/v1/news")).content(json(article(Map.of("body", Map.of("en-US", huge))))), 413);
        assertThat(articleCount()).isEqualTo(before);
    }

    @Test
    void writesNeedAStaffToken() throws Exception {
        String body = json(article(Map.of()));
        problem(post("/api/v1/news").contentType(MediaType.APPLICATION_JSON).content(body), 401);
        problem(asPartner(post("/api/v1/news")).content(body), 403);
        String id = create(Map.of()).get("id").asString();
        problem(asPartner(put("/api/v1/news/" + id)).header("If-Match", "\"1\"").content(body), 403);
        problem(asPartner(post("/api/v1/news/" + id + "/publish")), 403);
        problem(post("/api/v1/news/" + id + "/publish"), 401);
        problem(post("/api/v1/news/" + id + "/archive").header("Authorization", "Bearer "
                + TOKENS.expired("s", null, "STAFF")), 401);
    }

    @Test
    void editsNeedTheCurrentVersionAndNeverChangeTheSlug() throws Exception {
        JsonNode created = create(Map.of("title", Map.of("en-US", unique("Original title"))));
        String id = created.get("id").asString();
        String slug = created.get("slug").asString();
        String edit = json(article(Map.of("title", Map.of("en-US", "A corrected title", "zh-CN", "更正后的标题"),
                "tags", List.of("Corrected", " Second  Tag "))));

        problem(asStaff(put("/api/v1/news/" + id)).content(edit), 428);
        JsonNode edited = read(mvc.perform(asStaff(put("/api/v1/news/" + id)).header("If-Match", "\"1\"").content(edit))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"2\"")));
        assertThat(edited.get("title").get("en-US").asString()).isEqualTo("A corrected title");
        assertThat(edited.get("slug").asString()).isEqualTo(slug);
        assertThat(edited.get("tags").toString()).isEqualTo("[\"corrected\",\"second tag\"]");
        problem(asStaff(put("/api/v1/news/" + id)).header("If-Match", "\"1\"").content(edit), 409)
                .andExpect(jsonPath("$.type").value(endsWith("stale-version")));
        // the version may also travel in the body
        Map<String, Object> withVersion = new HashMap<>(article(Map.of()));
        withVersion.put("version", 2);
        mvc.perform(asStaff(put("/api/v1/news/" + id)).content(json(withVersion))).andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"3\""));
        problem(asStaff(put("/api/v1/news/art-unknown")).header("If-Match", "\"1\"").content(edit), 404);
    }

    @Test
    void theLifecycleIsDraftPublishedArchivedAndEveryOtherMoveIsA409() throws Exception {
        String id = create(Map.of()).get("id").asString();
        problem(asStaff(post("/api/v1/news/" + id + "/archive")), 409)
                .andExpect(jsonPath("$.type").value(endsWith("illegal-transition")));

        JsonNode published = read(mvc.perform(asStaff(post("/api/v1/news/" + id + "/publish")).header("If-Match", "\"1\""))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"2\"")));
        assertThat(published.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(published.get("publishedAt").asString()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        problem(asStaff(post("/api/v1/news/" + id + "/publish")), 409)
                .andExpect(jsonPath("$.type").value(endsWith("illegal-transition")));

        // a stale If-Match on an action is a 409 too
        problem(asStaff(post("/api/v1/news/" + id + "/archive")).header("If-Match", "\"1\""), 409)
                .andExpect(jsonPath("$.type").value(endsWith("stale-version")));
        JsonNode archived = read(mvc.perform(asStaff(post("/api/v1/news/" + id + "/archive")))
                .andExpect(status().isOk()));
        assertThat(archived.get("status").asString()).isEqualTo("ARCHIVED");
        assertThat(archived.get("archivedAt").isNull()).isFalse();
        assertThat(archived.get("publishedAt").asString()).isEqualTo(published.get("publishedAt").asString());

        problem(asStaff(post("/api/v1/news/" + id + "/publish")), 409);
        problem(asStaff(post("/api/v1/news/" + id + "/archive")), 409);
        problem(asStaff(put("/api/v1/news/" + id)).header("If-Match", "\"3\"").content(json(article(Map.of()))), 409);
        problem(asStaff(post("/api/v1/news/art-unknown/publish")), 404);
    }

    @Test
    void anonymousReadersAndPartnersNeverSeeDraftsOrArchivedArticles() throws Exception {
        String tag = unique("vis");
        JsonNode draft = create(Map.of("tags", List.of(tag), "title", Map.of("en-US", unique("Secret draft"))));
        String id = draft.get("id").asString();
        String slug = draft.get("slug").asString();

        problem(get("/api/v1/news/" + id), 404);
        problem(get("/api/v1/news/" + slug), 404);
        problem(asPartner(get("/api/v1/news/" + id)), 404);
        mvc.perform(asStaff(get("/api/v1/news/" + id))).andExpect(status().isOk());
        assertThat(list("tag=" + tag).get("content").size()).isZero();
        problem(get("/api/v1/news?status=DRAFT&tag=" + tag), 401);
        problem(asPartner(get("/api/v1/news?status=DRAFT&tag=" + tag)), 403);
        assertThat(ids(read(mvc.perform(asStaff(get("/api/v1/news?status=DRAFT&tag=" + tag))).andExpect(status().isOk()))))
                .containsExactly(id);

        publish(id);
        mvc.perform(get("/api/v1/news/" + slug)).andExpect(status().isOk()).andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.id").value(id));
        mvc.perform(get("/api/v1/news/" + id)).andExpect(status().isOk());
        assertThat(ids(list("tag=" + tag))).containsExactly(id);

        mvc.perform(asStaff(post("/api/v1/news/" + id + "/archive"))).andExpect(status().isOk());
        problem(get("/api/v1/news/" + slug), 404);
        assertThat(list("tag=" + tag).get("content").size()).isZero();
        assertThat(ids(read(mvc.perform(asStaff(get("/api/v1/news?status=ARCHIVED&tag=" + tag))))))
                .containsExactly(id);
    }

    @Test
    void listsArePagedNewestFirstAndFilterByCategoryRegionTagAndLanguage() throws Exception {
        String tag = unique("list");
        String first = createPublished(Map.of("tags", List.of(tag), "regions", List.of("320509"))).get("id").asString();
        String second = createPublished(Map.of("tags", List.of(tag), "title", Map.of("zh-CN", "只有中文"),
                "category", "POLICY", "regions", List.of("310118"))).get("id").asString();
        String third = createPublished(Map.of("tags", List.of(tag), "title", Map.of("en-US", "English only"),
                "regions", List.of())).get("id").asString();

        JsonNode page = list("tag=" + tag.toUpperCase() + "&size=2");
        assertThat(ids(page)).containsExactly(third, second);
        assertThat(page.get("page").toString()).isEqualTo("{\"size\":2,\"number\":0,\"totalElements\":3,\"totalPages\":2}");
        assertThat(ids(list("tag=" + tag + "&size=2&page=1"))).containsExactly(first);
        assertThat(ids(list("tag=" + tag + "&sort=publishedAt,asc"))).containsExactly(first, second, third);
        assertThat(list("tag=" + tag + "&size=500").get("page").get("size").asInt()).isEqualTo(100);
        assertThat(page.get("content").get(0).has("body")).isFalse();

        assertThat(ids(list("tag=" + tag + "&lang=en-US"))).containsExactly(third, first);
        assertThat(ids(list("tag=" + tag + "&lang=zh-CN"))).containsExactly(second, first);
        assertThat(ids(list("tag=" + tag + "&category=POLICY"))).containsExactly(second);
        assertThat(ids(list("tag=" + tag + "&region=320509"))).containsExactly(first);
        assertThat(ids(list("tag=" + tag + "&region=320500"))).containsExactly(first);
        assertThat(ids(list("tag=" + tag + "&region=310000"))).containsExactly(second);

        problem(get("/api/v1/news?region=999999"), 400).andExpect(jsonPath("$.errors[0].field").value("region"));
        problem(get("/api/v1/news?lang=fr-FR"), 400).andExpect(jsonPath("$.errors[0].field").value("lang"));
        problem(get("/api/v1/news?category=GOSSIP"), 400).andExpect(jsonPath("$.errors[0].field").value("category"));
        problem(get("/api/v1/news?sort=slug,desc"), 400).andExpect(jsonPath("$.errors[0].field").value("sort"));
        problem(get("/api/v1/news?page=-1"), 400);
    }

    @Test
    void htmlInTheBodyIsSanitizedOnOutputAndTheRawBodyIsKept() throws Exception {
        String payload = "Hello <script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3))"
                + " <svg onload=alert(4)></svg> <a href=\"https://ok.example\" onclick=\"alert(5)\">ok</a>";
        String id = createPublished(Map.of("body", Map.of("en-US", payload))).get("id").asString();

        JsonNode article = read(mvc.perform(get("/api/v1/news/" + id)).andExpect(status().isOk()));
        assertThat(article.get("body").get("en-US").asString()).isEqualTo(payload);
        String html = article.get("bodyHtml").get("en-US").asString();
        assertThat(html).contains("Hello", "https://ok.example", ">ok</a>")
                .doesNotContain("<script", "onerror", "javascript:", "<svg", "onload", "onclick");
    }

    @Test
    void countersTrackCreatedPublishedAndArchivedByOriginAndCategory() throws Exception {
        double created = count("news.articles.drafted", "origin", "manual", "category", "EVENT");
        double published = count("news.articles.published", "category", "EVENT");
        double archived = count("news.articles.archived", "category", "EVENT");

        String id = createPublished(Map.of("category", "EVENT")).get("id").asString();
        mvc.perform(asStaff(post("/api/v1/news/" + id + "/archive"))).andExpect(status().isOk());

        assertThat(count("news.articles.drafted", "origin", "manual", "category", "EVENT")).isEqualTo(created + 1);
        assertThat(count("news.articles.published", "category", "EVENT")).isEqualTo(published + 1);
        assertThat(count("news.articles.archived", "category", "EVENT")).isEqualTo(archived + 1);
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpoint() throws Exception {
        JsonNode paths = read(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())).get("paths");
        assertThat(paths.get("/api/v1/news").has("get")).isTrue();
        assertThat(paths.get("/api/v1/news").has("post")).isTrue();
        assertThat(paths.get("/api/v1/news/{idOrSlug}").has("get")).isTrue();
        assertThat(paths.get("/api/v1/news/{id}").has("put")).isTrue();
        assertThat(paths.get("/api/v1/news/{id}/publish").get("post").get("summary").asString()).contains("NewsPublished");
        assertThat(paths.get("/api/v1/news/{id}/archive").has("post")).isTrue();
        assertThat(paths.get("/api/v1/news/feed.atom").has("get")).isTrue();
    }

    private double count(String name, String... tags) {
        var counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }
}
