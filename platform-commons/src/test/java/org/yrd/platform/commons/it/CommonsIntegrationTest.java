package org.yrd.platform.commons.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.yrd.platform.events.Topics;

/** One shared context: a real (in-process KRaft) broker and the wire-protocol store over TCP. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = CommonsTestApplication.class, properties = {"spring.application.name=commons-it",
        "platform.security.public-get-paths=/widgets/**"})
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 3, topics = {Topics.ORGANIZATIONS, "organizations.v1.DLT"})
@interface CommonsIntegrationTest {
}
