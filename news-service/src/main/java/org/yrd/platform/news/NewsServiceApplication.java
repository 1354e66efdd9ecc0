package org.yrd.platform.news;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Bilingual news of the network: articles written by staff or drafted from agreement and deal events, full-text
 * search in Chinese and English, and Atom feeds per language.
 */
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
@OpenAPIDefinition(info = @Info(title = "news-service", version = "v1",
        description = "Bilingual (zh-CN, en-US) news of the Yangtze River Delta technology-transfer network"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class NewsServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(NewsServiceApplication.class, args);
    }
}
