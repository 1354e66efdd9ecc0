package org.yrd.platform.agreement;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The network's registry of who cooperates with whom: organizations, agreements, milestones, branch centers. */
@SpringBootApplication
@EnableScheduling
@OpenAPIDefinition(info = @Info(title = "agreement-service", version = "v1",
        description = "Organizations and cooperation agreements of the Yangtze River Delta technology-transfer network"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class AgreementServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(AgreementServiceApplication.class, args);
    }
}
