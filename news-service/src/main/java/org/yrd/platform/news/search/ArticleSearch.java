package org.yrd.platform.news.search;

import io.github.resilience4j.bulkhead.annotation.Bulkhead;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * Full-text search as the API uses it: behind a bulkhead (search is the expensive call; when too many run at
 * once the next one gets a 503 with Retry-After instead of starving every other request) and timed.
 */
@Component
public class ArticleSearch {

    private final ArticleIndex index;
    private final Timer latency;

    ArticleSearch(ArticleIndex index, MeterRegistry registry) {
        this.index = index;
        this.latency = Timer.builder("news.search").description("full-text search latency (index part)")
                .publishPercentileHistogram().register(registry);
    }

    @Bulkhead(name = "search")
    public SearchHits search(SearchCriteria criteria) {
        return latency.record(() -> index.search(criteria));
    }
}
