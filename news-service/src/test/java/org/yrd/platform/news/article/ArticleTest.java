package org.yrd.platform.news.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yrd.platform.commons.error.StateConflictException;
import org.yrd.platform.events.news.NewsPublished;

/** The aggregate's behaviour without Spring: lifecycle, publishedAt, slug stability, drafts from sources. */
class ArticleTest {

    private static final Instant NOON = Instant.parse("2019-07-23T04:00:00.123456Z");

    private static ArticleContent content(String english) {
        return new ArticleContent(Map.of("zh-CN", "推进一体化", "en-US", english), Map.of(), Map.of(), null,
                Category.REGIONAL_COOPERATION, List.of("310118"), List.of("310118", "310100", "310000"), List.of());
    }

    @Test
    void publishingSetsPublishedAtAndDescribesTheArticle() {
        Article article = Article.draft(content("Advancing integration"), "Advancing integration");
        assertThat(article.getStatus()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(article.getPublishedAt()).isNull();

        NewsPublished event = article.publish(NOON);

        assertThat(article.getStatus()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2019-07-23T04:00:00.123Z"));
        assertThat(event.articleId()).isEqualTo(article.getId());
        assertThat(event.slug()).isEqualTo("advancing-integration");
        assertThat(event.category()).isEqualTo("REGIONAL_COOPERATION");
        assertThat(event.regions()).containsExactly("310118");
        assertThat(event.publishedAt()).isEqualTo(article.getPublishedAt());
    }

    @Test
    void publishingTwiceOrArchivingADraftIsAConflict() {
        Article draft = Article.draft(content("A"), "A");
        assertThatThrownBy(() -> draft.archive(NOON)).isInstanceOf(StateConflictException.class);
        draft.publish(NOON);
        assertThatThrownBy(() -> draft.publish(NOON)).isInstanceOf(StateConflictException.class);
        draft.archive(NOON);
        assertThat(draft.getStatus()).isEqualTo(ArticleStatus.ARCHIVED);
        assertThat(draft.getArchivedAt()).isNotNull();
        assertThatThrownBy(() -> draft.publish(NOON)).isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> draft.archive(NOON)).isInstanceOf(StateConflictException.class);
    }

    @Test
    void editsChangeContentButNeverTheSlugAndStopAtArchive() {
        Article article = Article.draft(content("First title"), "First title");
        article.edit(content("A corrected title"));
        assertThat(article.getTitle()).containsEntry("en-US", "A corrected title");
        assertThat(article.getSlug()).isEqualTo("first-title");
        article.publish(NOON);
        article.edit(content("Corrected after publishing"));
        assertThat(article.getSlug()).isEqualTo("first-title");
        article.archive(NOON);
        assertThatThrownBy(() -> article.edit(content("Too late"))).isInstanceOf(StateConflictException.class);
    }

    @Test
    void aDraftFromASourceHasTheSameIdEveryTime() {
        ArticleSource source = new ArticleSource(SourceType.AGREEMENT_SIGNED, "agr-fenhu");
        Article first = Article.draftFrom(source, content("X"), "X");
        Article second = Article.draftFrom(source, content("Y"), "Y");
        assertThat(first.getId()).isEqualTo(second.getId()).startsWith("art-").hasSize(4 + 24);
        assertThat(first.getSource()).isEqualTo(source);
        assertThat(Article.draftFrom(new ArticleSource(SourceType.DEAL_CLOSED, "agr-fenhu"), content("X"), "X")
                .getId()).isNotEqualTo(first.getId());
        assertThat(Article.draft(content("X"), "X").getId()).isNotEqualTo(Article.draft(content("X"), "X").getId());
    }

    @Test
    void theArticleIsWrittenInTheLanguagesOfItsTitle() {
        ArticleContent chineseOnly = new ArticleContent(Map.of("zh-CN", "长三角"), null, Map.of("en-US", " "), null,
                Category.POLICY, null, null, null);
        assertThat(chineseOnly.languages()).containsExactly("zh-CN");
        assertThat(chineseOnly.body()).isEmpty();
        assertThat(Article.draft(chineseOnly, null).getSlug()).startsWith("news-");
    }
}
