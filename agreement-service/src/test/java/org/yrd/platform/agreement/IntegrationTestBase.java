package org.yrd.platform.agreement;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yrd.platform.commons.testing.PlatformTestProperties;
import org.yrd.platform.commons.testing.TopicRecorder;
import org.yrd.platform.events.Topics;

/**
 * Base of the integration tests: identical configuration, so every class shares one Spring context and one
 * embedded broker; the topic recorder starts once that broker is up.
 */
@ServiceIntegrationTest
public abstract class IntegrationTestBase {

    private static TopicRecorder recorder;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PlatformTestProperties.register(registry, "agreement-it");
    }

    /** Everything published on the service's topics since the shared broker started. */
    protected static synchronized TopicRecorder recorder() {
        if (recorder == null) {
            recorder = new TopicRecorder(System.getProperty("spring.embedded.kafka.brokers"), Topics.AGREEMENTS,
                    Topics.ORGANIZATIONS);
        }
        return recorder;
    }
}
