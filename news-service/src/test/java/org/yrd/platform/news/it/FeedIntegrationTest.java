package org.yrd.platform.news.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Atom feeds, read back with a real feed parser (Rome). */
class FeedIntegrationTest extends NewsIntegrationTestSupport {

    private SyndFeed feed(String language) throws Exception {
        byte[] xml = mvc.perform(get("/api/v1/news/feed.atom").param("lang", language))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/atom+xml;charset=UTF-8"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(xml, StandardCharsets.UTF_8))
                .contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"" + language + "\">");
        return new SyndFeedInput().build(new InputStreamReader(new ByteArrayInputStream(xml), StandardCharsets.UTF_8));
    }

    private static SyndEntry entry(SyndFeed feed, String articleId) {
        return feed.getEntries().stream().filter(e -> e.getUri().endsWith(":" + articleId)).findFirst().orElse(null);
    }

    @Test
    void eachLanguageHasAValidAtomFeedOfItsPublishedArticles() throws Exception {
        String xss = "Intro <script>alert(1)</script><img src=x onerror=alert(2)> **bold** & <b>more</b>";
        JsonNode both = createPublished(Map.of("title", Map.of("zh-CN", "长三角一体化 <示范区> & 合作", "en-US",
                unique("Integration <demo> & cooperation")), "body", Map.of("zh-CN", "正文", "en-US", xss)));
        JsonNode chineseOnly = createPublished(Map.of("title", Map.of("zh-CN", "只有中文的新闻")));
        JsonNode draft = create(Map.of("title", Map.of("zh-CN", "草稿", "en-US", "Draft not for feeds")));

        SyndFeed english = feed("en-US");
        assertThat(english.getFeedType()).isEqualTo("atom_1.0");
        assertThat(english.getTitle()).contains("News");
        SyndEntry entry = entry(english, both.get("id").asString());
        assertThat(entry).isNotNull();
        assertThat(entry.getTitle()).isEqualTo(both.get("title").get("en-US").asString());
        assertThat(entry.getLink()).isEqualTo("http://localhost:8080/api/v1/news/" + both.get("slug").asString());
        assertThat(entry.getPublishedDate().toInstant().toString()).isEqualTo(both.get("publishedAt").asString());
        assertThat(entry.getDescription().getValue()).isEqualTo("Qingpu, Wujiang and Jiashan sign a work plan.");
        String content = entry.getContents().get(0).getValue();
        assertThat(content).contains("<strong>bold</strong>", "<b>more</b>", "Intro")
                .doesNotContain("<script", "onerror", "alert(1)");
        assertThat(entry(english, chineseOnly.get("id").asString())).isNull();
        assertThat(entry(english, draft.get("id").asString())).isNull();
        // newest first
        assertThat(english.getEntries().get(0).getUri()).endsWith(both.get("id").asString());

        SyndFeed chinese = feed("zh-CN");
        assertThat(entry(chinese, chineseOnly.get("id").asString()).getTitle()).isEqualTo("只有中文的新闻");
        assertThat(entry(chinese, both.get("id").asString()).getTitle()).isEqualTo("长三角一体化 <示范区> & 合作");
        assertThat(chinese.getEntries()).extracting(SyndEntry::getUri).first().asString()
                .endsWith(chineseOnly.get("id").asString());
    }

    @Test
    void theFeedDefaultsToChineseAndRefusesOtherLanguages() throws Exception {
        mvc.perform(get("/api/v1/news/feed.atom")).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/atom+xml;charset=UTF-8"));
        problem(get("/api/v1/news/feed.atom").param("lang", "fr-FR"), 400)
                .andExpect(jsonPath("$.errors[0].field").value("lang"));
    }

    @Test
    void anArchivedArticleLeavesTheFeed() throws Exception {
        String id = createPublished(Map.of("tags", List.of(unique("feed")))).get("id").asString();
        assertThat(entry(feed("en-US"), id)).isNotNull();
        mvc.perform(asStaff(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                "/api/v1/news/" + id + "/archive"))).andExpect(status().isOk());
        assertThat(entry(feed("en-US"), id)).isNull();
    }
}
