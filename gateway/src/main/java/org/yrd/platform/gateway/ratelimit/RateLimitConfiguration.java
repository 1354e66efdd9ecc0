package org.yrd.platform.gateway.ratelimit;

import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    TokenBuckets tokenBuckets(RateLimitProperties properties, ObjectProvider<ReactiveStringRedisTemplate> redis,
                              @Value("${spring.data.redis.timeout:250ms}") Duration redisTimeout) {
        if (properties.store() == RateLimitProperties.Store.REDIS) {
            return new RedisTokenBuckets(redis.getObject(), redisTimeout);
        }
        return new InMemoryTokenBuckets();
    }
}
