package org.yrd.platform.events.news;

import java.time.Instant;
import java.util.List;
import java.util.Map;

public record NewsPublished(String articleId, String slug, Map<String, String> title, String category,
                            List<String> regions, Instant publishedAt) implements NewsEvent {
}
