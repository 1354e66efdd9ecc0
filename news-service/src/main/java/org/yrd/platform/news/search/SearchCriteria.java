package org.yrd.platform.news.search;

import java.util.List;

/**
 * A full-text query with the list filters (all optional but {@code text}), and one page of it.
 *
 * @param sort explicit order; empty means by relevance (newest first among equals)
 */
public record SearchCriteria(String text, String status, String category, String region, String tag,
                             String language, List<SortKey> sort, int page, int size) {

    /** @param field publishedAt, createdAt or updatedAt */
    public record SortKey(String field, boolean descending) {
    }

    public SearchCriteria {
        sort = sort == null ? List.of() : List.copyOf(sort);
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page must be >= 0 and size >= 1");
        }
    }
}
