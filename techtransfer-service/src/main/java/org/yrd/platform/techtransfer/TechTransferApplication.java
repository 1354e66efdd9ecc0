package org.yrd.platform.techtransfer;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The technology market of the network: offers and requests, their review, ranking, matches and deals, branch
 * centers routing new requests, and public statistics.
 */
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
@OpenAPIDefinition(info = @Info(title = "techtransfer-service", version = "v1",
        description = "Technology offers and requests, matching, matches and deals, branch centers and statistics "
                + "of the Yangtze River Delta technology-transfer network"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class TechTransferApplication {

    public static void main(String[] args) {
        SpringApplication.run(TechTransferApplication.class, args);
    }
}
