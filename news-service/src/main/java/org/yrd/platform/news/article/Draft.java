package org.yrd.platform.news.article;

import java.util.List;
import java.util.Map;

/** An article composed from an event, before the service checks its regions and stores it once per source. */
public record Draft(ArticleSource source, Map<String, String> title, Map<String, String> summary,
                    Map<String, String> body, Category category, List<String> regions, List<String> tags) {
}
