package org.yrd.platform.news.article;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Article counters, tagged only by bounded values (origin, category): never by id, slug or region. */
@Component
class ArticleMetrics {

    private final MeterRegistry registry;

    ArticleMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void created(Article article) {
        // not "...created": Prometheus reserves the _created suffix and the series would be renamed
        registry.counter("news.articles.drafted", "origin", article.origin(),
                "category", article.getCategory().name()).increment();
    }

    void published(Article article) {
        registry.counter("news.articles.published", "category", article.getCategory().name()).increment();
    }

    void archived(Article article) {
        registry.counter("news.articles.archived", "category", article.getCategory().name()).increment();
    }
}
