package org.yrd.platform.news.search;

import java.util.List;

/** The ids of one page of hits, best first, and how many articles matched in all. */
public record SearchHits(List<String> ids, long total) {

    public static final SearchHits NONE = new SearchHits(List.of(), 0);
}
