package org.yrd.platform.news.feed;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yrd.platform.commons.error.InvalidInputException;
import org.yrd.platform.commons.web.BilingualText;
import org.yrd.platform.news.article.ArticleService;

@RestController
@RequestMapping("/api/v1/news")
@Tag(name = "news")
class FeedController {

    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    private final ArticleService articles;
    private final FeedProperties properties;
    private final Clock clock;

    FeedController(ArticleService articles, FeedProperties properties, Clock clock) {
        this.articles = articles;
        this.properties = properties;
        this.clock = clock;
    }

    // no 'produces' on purpose: an error must still be able to answer as problem+json
    @GetMapping("/feed.atom")
    @Operation(summary = "Atom 1.0 feed of the latest published articles written in one language")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/atom+xml"))
    ResponseEntity<String> feed(@Parameter(description = "zh-CN (default) or en-US")
                                @RequestParam(defaultValue = "zh-CN") String lang) {
        if (!BilingualText.LANGUAGES.contains(lang)) {
            throw new InvalidInputException("lang", "must be zh-CN or en-US");
        }
        String xml = AtomFeedWriter.write(lang, articles.latestPublished(lang, properties.size()),
                properties.publicBaseUrl(), clock.instant());
        return ResponseEntity.ok().contentType(ATOM).cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)))
                .body(xml);
    }
}
