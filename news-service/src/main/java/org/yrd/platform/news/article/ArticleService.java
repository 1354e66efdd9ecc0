package org.yrd.platform.news.article;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.yrd.platform.commons.error.FieldViolation;
import org.yrd.platform.commons.error.InvalidInputException;
import org.yrd.platform.commons.error.ResourceNotFoundException;
import org.yrd.platform.commons.outbox.AggregateStore;
import org.yrd.platform.commons.region.Region;
import org.yrd.platform.commons.region.RegionCatalog;
import org.yrd.platform.commons.security.Caller;
import org.yrd.platform.commons.web.BilingualText;
import org.yrd.platform.events.news.NewsPublished;
import org.yrd.platform.news.article.ArticleApi.WriteArticle;
import org.yrd.platform.news.search.ArticleSearch;
import org.yrd.platform.news.search.SearchCriteria;
import org.yrd.platform.news.search.SearchHits;

/**
 * Articles: every write goes through the AggregateStore (state and outgoing events in one document write) and is
 * then indexed for search.
 */
@Service
public class ArticleService {

    private static final Logger log = LoggerFactory.getLogger(ArticleService.class);
    static final String EN = "en-US";
    static final int MAX_QUERY_LENGTH = 200;

    private final AggregateStore store;
    private final MongoTemplate mongo;
    private final RegionCatalog regions;
    private final ArticleIndexing indexing;
    private final ArticleSearch search;
    private final ArticleMetrics metrics;
    private final Clock clock;

    ArticleService(AggregateStore store, MongoTemplate mongo, RegionCatalog regions, ArticleIndexing indexing,
                   ArticleSearch search, ArticleMetrics metrics, Clock clock) {
        this.store = store;
        this.mongo = mongo;
        this.regions = regions;
        this.indexing = indexing;
        this.search = search;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Filters of the list endpoint; all optional, {@code status} defaults to PUBLISHED. */
    record ListFilter(ArticleStatus status, Category category, String region, String tag, String language,
                      String text) {
    }

    // --- writes ---

    Article create(WriteArticle command) {
        Article article = Article.draft(validate(command), command.title().get(EN));
        insertWithUniqueSlug(article);
        indexing.changed(article);
        metrics.created(article);
        return article;
    }

    /**
     * Stores a draft composed from an event, once per source: the article id is derived from the source, so a
     * second delivery (or a replay with a new eventId) is refused by the store's unique _id and sourceKey.
     *
     * @return the new article, or empty if this source already has one
     */
    public Optional<Article> draftFrom(Draft draft) {
        ArticleSource source = draft.source();
        if (alreadyDrafted(source)) {
            return Optional.empty();
        }
        List<String> known = draft.regions() == null ? List.of() : draft.regions().stream()
                .filter(Objects::nonNull).distinct().filter(code -> {
                    boolean assignable = regions.isAssignable(code);
                    if (!assignable) {
                        log.warn("draft from {}: region {} is not a known county code, left out", source.key(), code);
                    }
                    return assignable;
                }).toList();
        ArticleContent content = new ArticleContent(draft.title(), draft.summary(), draft.body(), BodyFormat.MARKDOWN,
                draft.category(), known, scope(known), normalizeTags(draft.tags()));
        Article article = Article.draftFrom(source, content, content.title().get(EN));
        try {
            insertWithUniqueSlug(article);
        } catch (DuplicateKeyException e) {
            if (alreadyDrafted(source)) {
                return Optional.empty(); // another delivery won the race
            }
            throw e;
        }
        indexing.changed(article);
        metrics.created(article);
        return Optional.of(article);
    }

    Article update(String id, long expectedVersion, WriteArticle command) {
        ArticleContent content = validate(command);
        Article article = require(id);
        article.edit(content);
        store.update(article, expectedVersion, List.of());
        indexing.changed(article);
        return article;
    }

    Article publish(String id, Long expectedVersion) {
        Article article = require(id);
        long expected = expectedVersion == null ? article.getVersion() : expectedVersion;
        NewsPublished published = article.publish(clock.instant());
        store.update(article, expected, List.of(published));
        indexing.changed(article);
        metrics.published(article);
        return article;
    }

    Article archive(String id, Long expectedVersion) {
        Article article = require(id);
        long expected = expectedVersion == null ? article.getVersion() : expectedVersion;
        article.archive(clock.instant());
        store.update(article, expected, List.of());
        indexing.changed(article);
        metrics.archived(article);
        return article;
    }

    // --- reads ---

    /** By id or slug; anything not PUBLISHED exists only for staff. */
    Article visible(String idOrSlug, Caller caller) {
        Article article = mongo.findById(idOrSlug, Article.class);
        if (article == null) {
            article = mongo.findOne(Query.query(Criteria.where("slug").is(idOrSlug)), Article.class);
        }
        if (article == null || !(article.getStatus().isPublic() || caller.isStaff())) {
            throw notFound(idOrSlug);
        }
        return article;
    }

    Page<Article> list(ListFilter filter, Pageable pageable) {
        ArticleStatus status = filter.status() == null ? ArticleStatus.PUBLISHED : filter.status();
        String region = regionFilter(filter.region());
        String tag = filter.tag() == null || filter.tag().isBlank() ? null : normalizeTag(filter.tag());
        String language = languageFilter(filter.language());
        if (filter.text() != null && !filter.text().isBlank()) {
            return searchText(filter.text(), status, filter.category(), region, tag, language, pageable);
        }
        Query query = Query.query(Criteria.where("status").is(status));
        if (filter.category() != null) {
            query.addCriteria(Criteria.where("category").is(filter.category()));
        }
        if (region != null) {
            query.addCriteria(Criteria.where("regionScope").is(region));
        }
        if (tag != null) {
            query.addCriteria(Criteria.where("tags").is(tag));
        }
        if (language != null) {
            query.addCriteria(Criteria.where("languages").is(language));
        }
        long total = mongo.count(query, Article.class);
        Query pageQuery = Query.of(query).with(pageable);
        pageQuery.fields().exclude("body"); // list items carry no body: up to 100 bodies would be heavy
        return new PageImpl<>(mongo.find(pageQuery, Article.class), pageable, total);
    }

    /** The newest published articles written in {@code language}, for feeds. */
    public List<Article> latestPublished(String language, int limit) {
        Query query = Query.query(Criteria.where("status").is(ArticleStatus.PUBLISHED)
                        .and("languages").is(languageFilter(language)))
                .with(Sort.by(Sort.Direction.DESC, "publishedAt", "_id")).limit(limit);
        return mongo.find(query, Article.class);
    }

    private Page<Article> searchText(String text, ArticleStatus status, Category category, String region, String tag,
                                     String language, Pageable pageable) {
        if (text.length() > MAX_QUERY_LENGTH) {
            throw new InvalidInputException("q", "must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        List<SearchCriteria.SortKey> order = pageable.getSort().stream()
                .filter(o -> !o.getProperty().equals("_id"))
                .map(o -> new SearchCriteria.SortKey(o.getProperty(), o.isDescending())).toList();
        SearchHits hits = search.search(new SearchCriteria(text, status.name(),
                category == null ? null : category.name(), region, tag, language, order,
                pageable.getPageNumber(), pageable.getPageSize()));
        if (hits.ids().isEmpty()) {
            return new PageImpl<>(List.of(), pageable, hits.total());
        }
        Query page = Query.query(Criteria.where("_id").in(hits.ids()));
        page.fields().exclude("body");
        Map<String, Article> found = mongo.find(page, Article.class).stream()
                .collect(Collectors.toMap(Article::getId, Function.identity()));
        // the store has the last word: an article whose state changed since it was indexed is left out
        List<Article> content = hits.ids().stream().map(found::get)
                .filter(article -> article != null && article.getStatus() == status).toList();
        return new PageImpl<>(content, pageable, hits.total());
    }

    // --- validation ---

    private ArticleContent validate(WriteArticle command) {
        List<FieldViolation> violations = new ArrayList<>();
        List<String> regionCodes = command.regions() == null ? List.of() : command.regions();
        for (int i = 0; i < regionCodes.size(); i++) {
            String code = regionCodes.get(i);
            if (!regions.isAssignable(code)) {
                violations.add(new FieldViolation("regions[" + i + "]", "must be a known GB/T 2260 county-level code "
                        + "such as 310118 (Qingpu) or 320509 (Wujiang); '" + abbreviate(code, 12) + "' is not one"));
            }
        }
        Set<String> titled = languages(command.title());
        checkLanguages("summary", command.summary(), titled, violations);
        checkLanguages("body", command.body(), titled, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        List<String> codes = regionCodes.stream().distinct().toList();
        return new ArticleContent(command.title(), command.summary(), command.body(), command.bodyFormat(),
                command.category(), codes, scope(codes), normalizeTags(command.tags()));
    }

    /** The title decides the article's languages; a summary or body in another language would be unreachable. */
    private static void checkLanguages(String field, Map<String, String> text, Set<String> titled,
                                       List<FieldViolation> violations) {
        for (String language : languages(text)) {
            if (!titled.contains(language)) {
                violations.add(new FieldViolation(field, "has text in " + language + " but the title has none: add a "
                        + language + " title or remove that text"));
            }
        }
    }

    private static Set<String> languages(Map<String, String> text) {
        Set<String> found = new LinkedHashSet<>();
        if (text != null) {
            text.forEach((language, value) -> {
                if (value != null && !value.isBlank()) {
                    found.add(language);
                }
            });
        }
        return found;
    }

    /** Every county with its prefecture and province: a filter by any of the three is one exact match. */
    private List<String> scope(List<String> codes) {
        Set<String> scope = new LinkedHashSet<>();
        for (String code : codes) {
            Region region = regions.find(code).orElseThrow();
            scope.add(region.code());
            scope.add(region.prefectureCode());
            scope.add(region.provinceCode());
        }
        return List.copyOf(scope);
    }

    private String regionFilter(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        if (regions.find(code).isEmpty()) {
            throw new InvalidInputException("region", "must be a known GB/T 2260 code (county, prefecture or "
                    + "province), such as 310118, 320500 or 330000");
        }
        return code;
    }

    private static String languageFilter(String language) {
        if (language == null || language.isBlank()) {
            return null;
        }
        if (!BilingualText.LANGUAGES.contains(language)) {
            throw new InvalidInputException("lang", "must be zh-CN or en-US");
        }
        return language;
    }

    private static List<String> normalizeTags(List<String> tags) {
        return tags == null ? List.of() : tags.stream().filter(Objects::nonNull).map(ArticleService::normalizeTag)
                .filter(tag -> !tag.isEmpty()).distinct().toList();
    }

    /** Tags compare case-insensitively and ignore extra spaces. */
    static String normalizeTag(String tag) {
        return tag.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    // --- store helpers ---

    /** Inserts; if only the readable slug is taken, once more with the id's suffix (the slug index decides). */
    private void insertWithUniqueSlug(Article article) {
        try {
            store.insert(article, List.of());
        } catch (DuplicateKeyException e) {
            if (!slugTakenByAnother(article)) {
                throw e;
            }
            article.useUniqueSlug();
            store.insert(article, List.of());
        }
    }

    private boolean slugTakenByAnother(Article article) {
        return mongo.exists(Query.query(Criteria.where("slug").is(article.getSlug())
                .and("_id").ne(article.getId())), Article.class);
    }

    private boolean alreadyDrafted(ArticleSource source) {
        return mongo.exists(Query.query(new Criteria().orOperator(Criteria.where("_id").is(source.articleId()),
                Criteria.where("sourceKey").is(source.key()))), Article.class);
    }

    private Article require(String id) {
        Article article = mongo.findById(id, Article.class);
        if (article == null) {
            throw notFound(id);
        }
        return article;
    }

    private static ResourceNotFoundException notFound(String idOrSlug) {
        return new ResourceNotFoundException("article", abbreviate(idOrSlug, 100));
    }

    private static String abbreviate(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
