package org.yrd.platform.news.article;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.yrd.platform.news.search.ArticleIndex;
import org.yrd.platform.news.search.IndexedArticle;

/**
 * Keeps the search index consistent with the store: a full rebuild at start (before the service reports ready,
 * since runners run before readiness), an update after every local change, and a periodic catch-up on whatever
 * changed in the store recently, which covers writes by other instances and an update lost to a crash between
 * the store write and the index write. Versions make every path idempotent.
 */
@Component
public class ArticleIndexing implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ArticleIndexing.class);
    private static final int BATCH = 500;
    private static final int PROGRESS_EVERY = 2000;
    /** Re-read this far behind the newest change seen: clocks of instances differ, writes take time. */
    private static final Duration CATCH_UP_MARGIN = Duration.ofSeconds(30);

    private final MongoTemplate mongo;
    private final ArticleIndex index;
    /** Newest updatedAt read from the store by a rebuild or catch-up (local writes do not move it). */
    private volatile Instant watermark;

    public ArticleIndexing(MongoTemplate mongo, ArticleIndex index) {
        this.mongo = mongo;
        this.index = index;
    }

    @Override
    public void run(ApplicationArguments args) {
        rebuild();
    }

    /** Indexes every stored article; logs progress. */
    public synchronized void rebuild() {
        long started = System.nanoTime();
        long total = mongo.count(new Query(), Article.class);
        log.info("search index: rebuilding from the store ({} articles)", total);
        int done = load(new Query(), total);
        log.info("search index: rebuilt, {} articles indexed in {} ms", done,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /** Re-indexes what changed in the store since shortly before the newest change already seen. */
    @Scheduled(fixedDelayString = "${news.search.refresh-interval:PT5S}",
            initialDelayString = "${news.search.refresh-interval:PT5S}")
    public synchronized void catchUp() {
        Instant since = watermark;
        if (since == null) {
            return; // the rebuild has not run yet
        }
        Query recent = Query.query(Criteria.where("updatedAt").gte(since.minus(CATCH_UP_MARGIN)));
        load(recent, -1);
    }

    /** After a local change: visible to the next search at once. */
    void changed(Article article) {
        index.upsert(indexed(article));
    }

    /**
     * Reads in pages by _id (keyset), not one cursor: the wire-protocol store answers a find in a single reply,
     * which overflows the driver's 48 MB message limit at about ten thousand articles with their bodies.
     */
    private int load(Query query, long expected) {
        int done = 0;
        String after = null;
        while (true) {
            Query page = Query.of(query).with(Sort.by("_id")).limit(BATCH);
            if (after != null) {
                page.addCriteria(Criteria.where("_id").gt(after));
            }
            List<Article> articles = mongo.find(page, Article.class);
            List<IndexedArticle> batch = new ArrayList<>(articles.size());
            for (Article article : articles) {
                batch.add(indexed(article));
                advance(article.getUpdatedAt());
                done++;
                if (expected > 0 && done % PROGRESS_EVERY == 0) {
                    log.info("search index: {} / {} articles", done, expected);
                }
            }
            index.upsertAll(batch);
            if (articles.size() < BATCH) {
                break;
            }
            after = articles.get(articles.size() - 1).getId();
        }
        if (watermark == null) {
            watermark = Instant.EPOCH;
        }
        return done;
    }

    private void advance(Instant updatedAt) {
        if (updatedAt != null && (watermark == null || updatedAt.isAfter(watermark))) {
            watermark = updatedAt;
        }
    }

    static IndexedArticle indexed(Article article) {
        return new IndexedArticle(article.getId(), article.getVersion(), article.getStatus().name(),
                article.getCategory().name(), article.getRegionScope(), article.getTags(), article.getLanguages(),
                article.getTitle(), article.getSummary(), article.getBody(), article.getPublishedAt(),
                article.getCreatedAt(), article.getUpdatedAt());
    }
}
