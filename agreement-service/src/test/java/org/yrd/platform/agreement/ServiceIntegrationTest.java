package org.yrd.platform.agreement;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** One context for every integration test of the service: real in-process broker, wire-protocol store over TCP. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = "platform.agreements.scan-interval=PT1H")
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 3)
public @interface ServiceIntegrationTest {
}
