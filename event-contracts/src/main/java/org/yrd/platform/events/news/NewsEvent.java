package org.yrd.platform.events.news;

import org.yrd.platform.events.IntegrationEvent;
import org.yrd.platform.events.Topics;

/** Events of the Article aggregate (news-service), on {@link Topics#NEWS}. */
public sealed interface NewsEvent extends IntegrationEvent permits NewsPublished {

    String articleId();

    @Override
    default String topic() {
        return Topics.NEWS;
    }

    @Override
    default String aggregateId() {
        return articleId();
    }
}
