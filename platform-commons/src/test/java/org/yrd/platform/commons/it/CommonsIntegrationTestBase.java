package org.yrd.platform.commons.it;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yrd.platform.commons.testing.PlatformTestProperties;

/** Identical configuration for every commons integration test: one context, one embedded broker. */
@CommonsIntegrationTest
abstract class CommonsIntegrationTestBase {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PlatformTestProperties.register(registry, "commons-it");
    }
}
