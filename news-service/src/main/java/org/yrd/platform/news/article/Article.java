package org.yrd.platform.news.article;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.yrd.platform.commons.outbox.AggregateDocument;
import org.yrd.platform.events.news.NewsPublished;

/**
 * A bilingual news article. The slug is fixed at creation (links must not break when a title is corrected);
 * {@code sourceKey} makes an event-drafted article unique per source, next to its deterministic id.
 */
@Document("articles")
@CompoundIndex(name = "status_published", def = "{'status': 1, 'publishedAt': -1}")
public class Article extends AggregateDocument {

    private Map<String, String> title;
    private Map<String, String> summary;
    private Map<String, String> body;
    private BodyFormat bodyFormat;
    @Indexed
    private Category category;
    private List<String> regions;
    @Indexed
    private List<String> regionScope;
    @Indexed
    private List<String> tags;
    private List<String> languages;
    @Indexed(unique = true)
    private String slug;
    private ArticleStatus status;
    private Instant publishedAt;
    private Instant archivedAt;
    private ArticleSource source;
    /** Only event drafts have one; sparse so that manual articles (none) do not collide. */
    @Indexed(unique = true, sparse = true)
    private String sourceKey;

    Article() {
    }

    private Article(String id) {
        super(id);
    }

    /** A new manual draft, with a fresh id. */
    static Article draft(ArticleContent content, String slugTitle) {
        Article article = new Article("art-" + new ObjectId().toHexString());
        article.start(content, slugTitle, null);
        return article;
    }

    /** A draft written from an event: its id is derived from the source, so a second one cannot be stored. */
    static Article draftFrom(ArticleSource source, ArticleContent content, String slugTitle) {
        Article article = new Article(source.articleId());
        article.start(content, slugTitle, source);
        return article;
    }

    private void start(ArticleContent content, String slugTitle, ArticleSource from) {
        apply(content);
        this.status = ArticleStatus.DRAFT;
        this.slug = Slugs.slug(slugTitle, getId());
        this.source = from;
        this.sourceKey = from == null ? null : from.key();
    }

    /** A slug that cannot collide, used when the readable one is already taken. */
    void useUniqueSlug() {
        this.slug = Slugs.withSuffix(slug, getId());
    }

    void edit(ArticleContent content) {
        if (!status.editable()) {
            throw new org.yrd.platform.commons.error.StateConflictException(
                    "An article in state " + status + " cannot be edited.");
        }
        apply(content);
    }

    NewsPublished publish(Instant now) {
        status = status.moveTo(ArticleStatus.PUBLISHED);
        publishedAt = now.truncatedTo(ChronoUnit.MILLIS);
        return new NewsPublished(getId(), slug, title, category.name(), regions, publishedAt);
    }

    void archive(Instant now) {
        status = status.moveTo(ArticleStatus.ARCHIVED);
        archivedAt = now.truncatedTo(ChronoUnit.MILLIS);
    }

    private void apply(ArticleContent content) {
        this.title = content.title();
        this.summary = content.summary();
        this.body = content.body();
        this.bodyFormat = content.bodyFormat();
        this.category = content.category();
        this.regions = content.regions();
        this.regionScope = content.regionScope();
        this.tags = content.tags();
        this.languages = content.languages();
    }

    public Map<String, String> getTitle() {
        return title;
    }

    public Map<String, String> getSummary() {
        return summary == null ? Map.of() : summary;
    }

    public Map<String, String> getBody() {
        return body == null ? Map.of() : body;
    }

    public BodyFormat getBodyFormat() {
        return bodyFormat == null ? BodyFormat.MARKDOWN : bodyFormat;
    }

    public Category getCategory() {
        return category;
    }

    public List<String> getRegions() {
        return regions == null ? List.of() : regions;
    }

    public List<String> getRegionScope() {
        return regionScope == null ? List.of() : regionScope;
    }

    public List<String> getTags() {
        return tags == null ? List.of() : tags;
    }

    public List<String> getLanguages() {
        return languages == null ? List.of() : languages;
    }

    public String getSlug() {
        return slug;
    }

    public ArticleStatus getStatus() {
        return status;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public Instant getArchivedAt() {
        return archivedAt;
    }

    public ArticleSource getSource() {
        return source;
    }

    /** manual or event: the low-cardinality origin tag of metrics. */
    String origin() {
        return source == null ? "manual" : "event";
    }
}
