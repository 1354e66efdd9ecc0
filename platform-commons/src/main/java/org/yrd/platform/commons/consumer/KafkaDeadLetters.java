package org.yrd.platform.commons.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/** Counts and logs every record sent to a dead-letter topic, then lets the publisher send it. */
public final class KafkaDeadLetters implements ConsumerRecordRecoverer {

    private static final Logger log = LoggerFactory.getLogger(KafkaDeadLetters.class);

    private final DeadLetterPublishingRecoverer publisher;
    private final MeterRegistry registry;

    private KafkaDeadLetters(DeadLetterPublishingRecoverer publisher, MeterRegistry registry) {
        this.publisher = publisher;
        this.registry = registry;
        // registered up front at 0, so "any record on a DLT" alerts see the first one as an increase
        org.yrd.platform.events.Topics.ALL.forEach(topic -> counter(topic));
    }

    private Counter counter(String topic) {
        return Counter.builder("kafka.dlt.records").description("records sent to a dead-letter topic")
                .tag("topic", topic).register(registry);
    }

    public static ConsumerRecordRecoverer counting(DeadLetterPublishingRecoverer publisher, MeterRegistry registry) {
        return new KafkaDeadLetters(publisher, registry);
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Exception exception) {
        counter(record.topic()).increment();
        log.error("dead-lettering {}-{}@{} (key {}): {}", record.topic(), record.partition(), record.offset(),
                record.key(), rootMessage(exception));
        publisher.accept(record, exception);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
