package org.yrd.platform.commons.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param partitions           partitions of each platform topic and of its dead-letter topic
 * @param replicationFactor    1 locally; 3 in production (topics are created up front there)
 * @param maxRetries           retries of a failing record before it is dead-lettered
 * @param retryInitialInterval first back-off
 * @param retryMaxInterval     back-off cap
 */
@ConfigurationProperties("platform.kafka")
public record PlatformKafkaProperties(int partitions, short replicationFactor, int maxRetries,
                                      Duration retryInitialInterval, Duration retryMaxInterval) {

    public PlatformKafkaProperties {
        partitions = partitions <= 0 ? 3 : partitions;
        replicationFactor = replicationFactor <= 0 ? 1 : replicationFactor;
        maxRetries = maxRetries < 0 ? 2 : maxRetries;
        retryInitialInterval = retryInitialInterval == null ? Duration.ofMillis(200) : retryInitialInterval;
        retryMaxInterval = retryMaxInterval == null ? Duration.ofSeconds(2) : retryMaxInterval;
    }
}
