package org.yrd.platform.news.search;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the full-text index knows of an article: its searchable texts per language and the fields lists filter on.
 * A plain record, so the index depends on nothing of the article feature.
 *
 * @param version the stored version: the index never replaces a newer version by an older one
 */
public record IndexedArticle(String id, long version, String status, String category, Collection<String> regionScope,
                             Collection<String> tags, Collection<String> languages, Map<String, String> title,
                             Map<String, String> summary, Map<String, String> body, Instant publishedAt,
                             Instant createdAt, Instant updatedAt) {

    public IndexedArticle {
        regionScope = regionScope == null ? List.of() : regionScope;
        tags = tags == null ? List.of() : tags;
        languages = languages == null ? List.of() : languages;
        title = title == null ? Map.of() : title;
        summary = summary == null ? Map.of() : summary;
        body = body == null ? Map.of() : body;
    }
}
