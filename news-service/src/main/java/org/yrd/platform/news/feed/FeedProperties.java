package org.yrd.platform.news.feed;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param publicBaseUrl where readers reach the platform (the gateway), for absolute links in feeds
 * @param size          entries per feed
 */
@ConfigurationProperties("news.feed")
public record FeedProperties(String publicBaseUrl, int size) {

    public FeedProperties {
        publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? "http://localhost:8080"
                : publicBaseUrl.replaceAll("/+$", "");
        size = size <= 0 ? 20 : Math.min(size, 100);
    }
}
