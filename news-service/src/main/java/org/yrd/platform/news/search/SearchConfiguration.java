package org.yrd.platform.news.search;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean(destroyMethod = "close")
    ArticleIndex articleIndex() {
        return new ArticleIndex();
    }
}
