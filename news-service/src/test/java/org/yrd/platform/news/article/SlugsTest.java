package org.yrd.platform.news.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void englishTitlesBecomeLowerCaseWordsJoinedByHyphens() {
        assertThat(Slugs.slug("Advancing integration and focusing on quality", "art-1"))
                .isEqualTo("advancing-integration-and-focusing-on-quality");
        assertThat(Slugs.slug("  NTME's Fenhu Branch — 2019/07!  ", "art-1")).isEqualTo("ntmes-fenhu-branch-2019-07");
        assertThat(Slugs.slug("Café Zürich", "art-1")).isEqualTo("cafe-zurich");
    }

    @Test
    void withoutUsableEnglishTheSlugIsNewsAndAShortId() {
        assertThat(Slugs.slug(null, "art-65f0c3a2e0000400080000002")).isEqualTo("news-80000002");
        assertThat(Slugs.slug("长三角一体化", "art-65f0c3a2e0000400080000002")).isEqualTo("news-80000002");
        assertThat(Slugs.slug("!!!", "art-abc")).isEqualTo("news-artabc");
    }

    @Test
    void longTitlesAreCutAtAWordBoundary() {
        String slug = Slugs.slug("word ".repeat(40), "art-1");
        assertThat(slug.length()).isLessThanOrEqualTo(Slugs.MAX_LENGTH);
        assertThat(slug).doesNotEndWith("-").endsWith("word");
    }

    @Test
    void aTakenSlugGetsTheIdsSuffix() {
        assertThat(Slugs.withSuffix("regional-news", "art-65f0c3a2e0000400080000002"))
                .isEqualTo("regional-news-80000002");
    }
}
