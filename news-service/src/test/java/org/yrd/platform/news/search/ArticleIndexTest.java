package org.yrd.platform.news.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Lucene index alone: Chinese segmentation, English stemming, field weights, filters, versions. */
class ArticleIndexTest {

    private final ArticleIndex index = new ArticleIndex();

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    private static IndexedArticle article(String id, long version, String status, Map<String, String> title,
                                          Map<String, String> summary, Map<String, String> body, Instant published) {
        return new IndexedArticle(id, version, status, "REGIONAL_COOPERATION", List.of("320509", "320500", "320000"),
                List.of("yrd"), title.keySet(), title, summary, body, published, published, published);
    }

    private static SearchCriteria query(String text) {
        return new SearchCriteria(text, "PUBLISHED", null, null, null, null, List.of(), 0, 10);
    }

    @Test
    void aChineseQueryFindsChineseTextWithoutSpacesOrTheSameWordOrder() {
        index.upsert(article("a1", 1, "PUBLISHED", Map.of("zh-CN", "推进长三角区域一体化发展"), Map.of(), Map.of(),
                Instant.parse("2019-07-23T00:00:00Z")));
        index.upsert(article("a2", 1, "PUBLISHED", Map.of("zh-CN", "固态电池电解质技术转让"), Map.of(), Map.of(),
                Instant.parse("2019-07-24T00:00:00Z")));

        assertThat(index.search(query("长三角一体化")).ids()).containsExactly("a1");
        assertThat(index.search(query("一体化 长三角")).ids()).containsExactly("a1");
        assertThat(index.search(query("电池")).ids()).containsExactly("a2");
        assertThat(index.terms("zh-CN", "长三角一体化")).containsExactly("长三角", "一体化");
    }

    @Test
    void anEnglishQueryMatchesOtherFormsOfTheWords() {
        index.upsert(article("e1", 1, "PUBLISHED", Map.of("en-US", "Solid-state batteries licensed to Hengli"),
                Map.of(), Map.of(), Instant.now()));
        assertThat(index.search(query("battery licensing")).ids()).containsExactly("e1");
        assertThat(index.search(query("BATTERY")).total()).isEqualTo(1);
        assertThat(index.search(query("the")).ids()).isEmpty();
    }

    @Test
    void aTitleMatchOutranksASummaryMatchWhichOutranksABodyMatch() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        // the newest has the word only in the body: recency must not beat relevance
        index.upsert(article("body", 1, "PUBLISHED", Map.of("en-US", "Annual report"), Map.of(),
                Map.of("en-US", "Among other things, hydrogen storage was discussed."), now.plusSeconds(300)));
        index.upsert(article("summary", 1, "PUBLISHED", Map.of("en-US", "Regional meeting"),
                Map.of("en-US", "Hydrogen storage pilot agreed"), Map.of(), now.plusSeconds(200)));
        index.upsert(article("title", 1, "PUBLISHED", Map.of("en-US", "Hydrogen storage pilot"), Map.of(), Map.of(),
                now));

        assertThat(index.search(query("hydrogen storage")).ids()).containsExactly("title", "summary", "body");
    }

    @Test
    void filtersAndStatusNarrowTheHits() {
        Instant now = Instant.now();
        index.upsert(article("p", 1, "PUBLISHED", Map.of("en-US", "Fenhu branch center"), Map.of(), Map.of(), now));
        index.upsert(article("d", 1, "DRAFT", Map.of("en-US", "Fenhu branch center draft"), Map.of(), Map.of(), null));

        assertThat(index.search(query("fenhu")).ids()).containsExactly("p");
        assertThat(index.search(new SearchCriteria("fenhu", "DRAFT", null, null, null, null, List.of(), 0, 10)).ids())
                .containsExactly("d");
        assertThat(index.search(new SearchCriteria("fenhu", "PUBLISHED", "REGIONAL_COOPERATION", "320000", "yrd",
                "en-US", List.of(), 0, 10)).ids()).containsExactly("p");
        assertThat(index.search(new SearchCriteria("fenhu", "PUBLISHED", "POLICY", null, null, null, List.of(), 0, 10))
                .total()).isZero();
        assertThat(index.search(new SearchCriteria("fenhu", "PUBLISHED", null, "310000", null, null, List.of(), 0, 10))
                .total()).isZero();
        assertThat(index.search(new SearchCriteria("fenhu", "PUBLISHED", null, null, null, "zh-CN", List.of(), 0, 10))
                .total()).isZero();
    }

    @Test
    void pagesSplitTheRankedHits() {
        for (int i = 0; i < 5; i++) {
            index.upsert(article("n" + i, 1, "PUBLISHED", Map.of("en-US", "Jiashan news " + i), Map.of(), Map.of(),
                    Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i)));
        }
        SearchHits second = index.search(new SearchCriteria("jiashan", "PUBLISHED", null, null, null, null, List.of(), 1, 2));
        assertThat(second.total()).isEqualTo(5);
        // equal relevance: newest first
        assertThat(second.ids()).containsExactly("n2", "n1");
        assertThat(index.search(new SearchCriteria("jiashan", "PUBLISHED", null, null, null, null, List.of(), 3, 2))
                .ids()).isEmpty();
    }

    @Test
    void anOlderVersionNeverReplacesANewerOne() {
        index.upsert(article("v", 2, "PUBLISHED", Map.of("en-US", "Corrected wording"), Map.of(), Map.of(), Instant.now()));
        boolean stored = index.upsert(article("v", 1, "PUBLISHED", Map.of("en-US", "Original wording"), Map.of(),
                Map.of(), Instant.now()));

        assertThat(stored).isFalse();
        assertThat(index.versionOf("v")).isEqualTo(2);
        assertThat(index.search(query("original")).ids()).isEmpty();
        assertThat(index.search(query("corrected")).ids()).containsExactly("v");
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void aQueryOfOnlyPunctuationFindsNothingAndDoesNotFail() {
        index.upsert(article("x", 1, "PUBLISHED", Map.of("en-US", "Anything"), Map.of(), Map.of(), Instant.now()));
        assertThat(index.search(query("，。！?*:\"(")).ids()).isEmpty();
        assertThat(index.search(query("anything OR *")).ids()).containsExactly("x");
    }
}
