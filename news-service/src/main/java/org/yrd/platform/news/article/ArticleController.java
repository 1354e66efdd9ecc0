package org.yrd.platform.news.article;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yrd.platform.commons.security.Caller;
import org.yrd.platform.commons.web.PageResponse;
import org.yrd.platform.commons.web.Paging;
import org.yrd.platform.commons.web.Versions;
import org.yrd.platform.news.article.ArticleApi.ArticleListItem;
import org.yrd.platform.news.article.ArticleApi.ArticleView;
import org.yrd.platform.news.article.ArticleApi.SourceView;
import org.yrd.platform.news.article.ArticleApi.WriteArticle;

@RestController
@RequestMapping("/api/v1/news")
@Tag(name = "news", description = "Bilingual news articles: DRAFT → PUBLISHED → ARCHIVED")
class ArticleController {

    private static final Set<String> SORTABLE = Set.of("publishedAt", "createdAt", "updatedAt");
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "publishedAt", "createdAt", "_id");

    private final ArticleService articles;

    ArticleController(ArticleService articles) {
        this.articles = articles;
    }

    @GetMapping
    @Operation(summary = "List articles: PUBLISHED only unless staff asks for another status; newest first, or by "
            + "relevance when q is given")
    PageResponse<ArticleListItem> list(
            @Parameter(description = "staff only, other than PUBLISHED") @RequestParam(required = false) ArticleStatus status,
            @RequestParam(required = false) Category category,
            @Parameter(description = "GB/T 2260 code: a county, or a prefecture or province for everything inside it")
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String tag,
            @Parameter(description = "full text in titles, summaries and bodies, Chinese and English")
            @RequestParam(required = false) String q,
            @Parameter(description = "only articles written in this language: zh-CN or en-US")
            @RequestParam(required = false) String lang,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @Parameter(description = "publishedAt, createdAt or updatedAt, then ,asc or ,desc")
            @RequestParam(required = false) String sort,
            Caller caller) {
        if (status != null && status != ArticleStatus.PUBLISHED) {
            caller.requireStaff();
        }
        boolean fullText = q != null && !q.isBlank();
        // with q the order is relevance unless the caller sorts explicitly
        Pageable pageable = distinctOrders(Paging.of(page, size, sort, SORTABLE,
                fullText ? Sort.unsorted() : NEWEST_FIRST));
        return PageResponse.of(articles.list(new ArticleService.ListFilter(status, category, region, tag, lang, q),
                pageable), ArticleController::item);
    }

    /** An explicit sort comes first and the default follows as tie-breaker: a field must not appear twice. */
    private static Pageable distinctOrders(Pageable pageable) {
        Map<String, Sort.Order> orders = new LinkedHashMap<>();
        pageable.getSort().forEach(order -> orders.putIfAbsent(order.getProperty(), order));
        return PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
                Sort.by(List.copyOf(orders.values())));
    }

    @GetMapping("/{idOrSlug}")
    @Operation(summary = "One article by id or slug; an unpublished one is a 404 to anyone but staff")
    @ApiResponse(responseCode = "404", description = "unknown or not visible")
    ResponseEntity<ArticleView> get(@PathVariable String idOrSlug, Caller caller) {
        Article article = articles.visible(idOrSlug, caller);
        return Versions.ok(view(article), article.getVersion());
    }

    @PostMapping
    @Operation(summary = "Create a DRAFT (staff)", security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "201", description = "created; ETag is the version")
    ResponseEntity<ArticleView> create(@Valid @RequestBody WriteArticle body, Caller caller) {
        caller.requireStaff();
        Article article = articles.create(body);
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/news/" + article.getId()))
                .eTag(Versions.etag(article.getVersion())).body(view(article));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace an article's content (staff, If-Match); the slug never changes",
            security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "409", description = "stale version, or the article is archived")
    @ApiResponse(responseCode = "428", description = "no If-Match and no version in the body")
    ResponseEntity<ArticleView> update(@PathVariable String id,
                                       @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                       @Valid @RequestBody WriteArticle body, Caller caller) {
        caller.requireStaff();
        Article article = articles.update(id, Versions.required(ifMatch, body.version()), body);
        return Versions.ok(view(article), article.getVersion());
    }

    @PostMapping("/{id}/publish")
    @Operation(summary = "DRAFT to PUBLISHED (staff); sets publishedAt and emits NewsPublished on news.v1",
            security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "409", description = "not a DRAFT, or If-Match is stale")
    ResponseEntity<ArticleView> publish(@PathVariable String id,
                                        @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                        Caller caller) {
        caller.requireStaff();
        Article article = articles.publish(id, Versions.optional(ifMatch));
        return Versions.ok(view(article), article.getVersion());
    }

    @PostMapping("/{id}/archive")
    @Operation(summary = "PUBLISHED to ARCHIVED (staff)", security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "409", description = "not PUBLISHED, or If-Match is stale")
    ResponseEntity<ArticleView> archive(@PathVariable String id,
                                        @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                        Caller caller) {
        caller.requireStaff();
        Article article = articles.archive(id, Versions.optional(ifMatch));
        return Versions.ok(view(article), article.getVersion());
    }

    static ArticleView view(Article article) {
        Map<String, String> html = new LinkedHashMap<>();
        article.getBody().forEach((language, text) ->
                html.put(language, BodyRenderer.toSafeHtml(text, article.getBodyFormat())));
        return new ArticleView(article.getId(), article.getVersion(), article.getCreatedAt(), article.getUpdatedAt(),
                article.getSlug(), article.getStatus(), article.getCategory(), article.getTitle(),
                article.getSummary(), article.getBody(), article.getBodyFormat(), html, article.getRegions(),
                article.getTags(), article.getLanguages(), source(article), article.getPublishedAt(),
                article.getArchivedAt());
    }

    static ArticleListItem item(Article article) {
        return new ArticleListItem(article.getId(), article.getVersion(), article.getCreatedAt(),
                article.getUpdatedAt(), article.getSlug(), article.getStatus(), article.getCategory(),
                article.getTitle(), article.getSummary(), article.getRegions(), article.getTags(),
                article.getLanguages(), source(article), article.getPublishedAt());
    }

    private static SourceView source(Article article) {
        return article.getSource() == null ? null
                : new SourceView(article.getSource().type(), article.getSource().id());
    }
}
