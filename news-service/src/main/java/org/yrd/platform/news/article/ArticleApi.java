package org.yrd.platform.news.article;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.yrd.platform.commons.web.BilingualText;

/** Request and response records of the news API. */
public final class ArticleApi {

    /** Tags: letters (any script), digits, and - _ . or spaces inside; no operators, no markup. */
    static final String TAG_PATTERN = "\\s*[\\p{L}\\p{N}][\\p{L}\\p{N} _.-]{0,39}\\s*";

    private ArticleApi() {
    }

    @Schema(description = "Create (POST) or replace (PUT) an article's content. Texts are bilingual maps "
            + "{\"zh-CN\": ..., \"en-US\": ...}; the title decides the article's languages.")
    public record WriteArticle(
            @NotNull(message = "is required: give the title in zh-CN or en-US (or both)")
            @BilingualText(maxLength = 300) Map<String, String> title,
            @BilingualText(required = false, maxLength = 1000) Map<String, String> summary,
            @Schema(description = "Markdown (default) or plain text, see bodyFormat; HTML in it is sanitized on output")
            @BilingualText(required = false, maxLength = 100_000) Map<String, String> body,
            BodyFormat bodyFormat,
            @NotNull(message = "is required: one of REGIONAL_COOPERATION, TECH_TRANSFER, POLICY, EVENT, SUCCESS_STORY")
            Category category,
            @Size(max = 20, message = "can list at most 20 regions")
            List<@NotBlank(message = "must be a GB/T 2260 county-level code such as 310118") String> regions,
            @Size(max = 20, message = "can list at most 20 tags")
            List<@NotNull(message = "must be a text") @Pattern(regexp = TAG_PATTERN,
                    message = "must be 1 to 40 letters, digits, spaces, '-', '_' or '.', starting with a letter or digit")
                    String> tags,
            @Schema(description = "the version edited, if not sent as If-Match (PUT only)") Long version) {
    }

    public record SourceView(SourceType type, String id) {
    }

    @Schema(description = "One article. bodyHtml is the body rendered and sanitized per language: safe to insert "
            + "into a page; title and summary are plain text.")
    public record ArticleView(String id, long version, Instant createdAt, Instant updatedAt, String slug,
                              ArticleStatus status, Category category, Map<String, String> title,
                              Map<String, String> summary, Map<String, String> body, BodyFormat bodyFormat,
                              Map<String, String> bodyHtml, List<String> regions, List<String> tags,
                              List<String> languages, SourceView source, Instant publishedAt, Instant archivedAt) {
    }

    @Schema(description = "An article in a list: everything but the body (fetch the article for it).")
    public record ArticleListItem(String id, long version, Instant createdAt, Instant updatedAt, String slug,
                                  ArticleStatus status, Category category, Map<String, String> title,
                                  Map<String, String> summary, List<String> regions, List<String> tags,
                                  List<String> languages, SourceView source, Instant publishedAt) {
    }
}
