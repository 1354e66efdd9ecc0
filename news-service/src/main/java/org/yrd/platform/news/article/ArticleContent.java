package org.yrd.platform.news.article;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The editable part of an article, already validated: texts keep only non-blank languages.
 *
 * @param regionScope the regions' counties, prefectures and provinces, so that a filter by any level is exact
 */
public record ArticleContent(Map<String, String> title, Map<String, String> summary, Map<String, String> body,
                             BodyFormat bodyFormat, Category category, List<String> regions,
                             List<String> regionScope, List<String> tags) {

    public ArticleContent {
        title = nonBlank(title, true);
        summary = nonBlank(summary, true);
        body = nonBlank(body, false);
        bodyFormat = bodyFormat == null ? BodyFormat.MARKDOWN : bodyFormat;
        Objects.requireNonNull(category, "category");
        regions = regions == null ? List.of() : List.copyOf(regions);
        regionScope = regionScope == null ? List.of() : List.copyOf(regionScope);
        tags = tags == null ? List.of() : List.copyOf(tags);
        if (title.isEmpty()) {
            throw new IllegalArgumentException("an article needs a title in zh-CN or en-US");
        }
    }

    /** The languages the article is written in: those of its title. */
    public List<String> languages() {
        return title.keySet().stream().sorted().toList();
    }

    /** Titles and summaries are one-line texts and lose surrounding blanks; a body keeps its layout. */
    private static Map<String, String> nonBlank(Map<String, String> text, boolean strip) {
        Map<String, String> kept = new LinkedHashMap<>();
        if (text != null) {
            text.forEach((language, value) -> {
                if (value != null && !value.isBlank()) {
                    kept.put(language, strip ? value.strip() : value);
                }
            });
        }
        return Map.copyOf(kept);
    }
}
