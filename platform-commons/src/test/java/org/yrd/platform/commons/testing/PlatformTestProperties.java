package org.yrd.platform.commons.testing;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a service under test at the wire-protocol store, the embedded broker and the test token issuer. */
public final class PlatformTestProperties {

    private PlatformTestProperties() {
    }

    public static void register(DynamicPropertyRegistry registry, String database) {
        registry.add("spring.mongodb.uri", () -> MongoTestServer.uri(database));
        registry.add("spring.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
        registry.add("platform.security.issuer-uri", () -> TestJwtIssuer.ISSUER);
        registry.add("platform.security.jwk-set-uri", () -> TestJwtIssuer.get().jwkSetUri());
        registry.add("platform.kafka.retry-initial-interval", () -> "50ms");
        registry.add("platform.outbox.idle-poll", () -> "100ms");
    }
}
