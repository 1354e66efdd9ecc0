package org.yrd.platform.commons.config;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.yrd.platform.commons.consumer.KafkaDeadLetters;
import org.yrd.platform.commons.consumer.ProcessedEvents;
import org.yrd.platform.commons.error.ProblemDetailsAdvice;
import org.yrd.platform.commons.events.MalformedEventException;
import org.yrd.platform.commons.mongo.MongoPingHealthIndicator;
import org.yrd.platform.commons.mongo.MongoTimeoutsProperties;
import org.yrd.platform.commons.outbox.AggregateDocument;
import org.yrd.platform.commons.outbox.AggregateStore;
import org.yrd.platform.commons.outbox.OutboxProperties;
import org.yrd.platform.commons.outbox.OutboxRelay;
import org.yrd.platform.commons.web.RequestSizeLimitFilter;
import org.yrd.platform.events.Topics;

/** The cross-cutting beans every service gets by depending on platform-commons. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration"})
@EnableConfigurationProperties({OutboxProperties.class, MongoTimeoutsProperties.class, PlatformKafkaProperties.class})
public class PlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    org.yrd.platform.commons.region.RegionCatalog regionCatalog() {
        return org.yrd.platform.commons.region.RegionCatalog.loadDefault();
    }

    @Bean
    org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer strictJsonTypes() {
        return org.yrd.platform.commons.web.StrictJsonTypes.customizer();
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
            @Value("${platform.web.max-request-bytes:1048576}") long maxBytes) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(maxBytes));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    // --- store ---

    @Bean
    MongoClientSettingsBuilderCustomizer platformMongoTimeouts(MongoTimeoutsProperties timeouts) {
        return settings -> settings
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                        timeouts.serverSelection().toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket
                        .connectTimeout((int) timeouts.connect().toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout((int) timeouts.read().toMillis(), TimeUnit.MILLISECONDS));
    }

    @Bean(name = "mongoHealthIndicator")
    MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    // --- outbox ---

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<?, ?> kafka, OutboxProperties properties, Clock clock,
                            MeterRegistry registry, ObjectProvider<CircuitBreakerRegistry> breakers,
                            ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator,
                            MongoMappingContext mappingContext) {
        @SuppressWarnings("unchecked")
        KafkaTemplate<String, Object> template = (KafkaTemplate<String, Object>) kafka;
        CircuitBreaker breaker = breakers.getIfAvailable(() -> CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowSize(10).minimumNumberOfCalls(5).failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(5)).build())).circuitBreaker("outboxRelay");
        OutboxRelay relay = new OutboxRelay(mongo, template, breaker, properties, clock, registry, tracer, propagator);
        mappingContext.getPersistentEntities().stream()
                .filter(entity -> AggregateDocument.class.isAssignableFrom(entity.getType()))
                .forEach(entity -> relay.register(entity.getCollection()));
        return relay;
    }

    @Bean
    AggregateStore aggregateStore(MongoTemplate mongo, Clock clock, OutboxRelay relay, ObjectProvider<Tracer> tracer,
                                  ObjectProvider<Propagator> propagator) {
        return new AggregateStore(mongo, clock, relay, tracer, propagator);
    }

    // --- consumers ---

    @Bean
    @ConditionalOnMissingBean(org.springframework.kafka.listener.RecordInterceptor.class)
    org.yrd.platform.commons.consumer.EventPropagationTimer eventPropagationTimer(MeterRegistry registry,
                                                                                  Clock clock) {
        return new org.yrd.platform.commons.consumer.EventPropagationTimer(registry, clock);
    }

    @Bean
    ProcessedEvents processedEvents(MongoTemplate mongo, Clock clock) {
        return new ProcessedEvents(mongo, clock);
    }

    /**
     * Bounded retries with back-off, then the record goes to {@code <topic>.DLT} (same partition) with the
     * exception headers; malformed records are not retried at all.
     */
    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<?, ?> kafka, MeterRegistry registry,
                                          PlatformKafkaProperties properties) {
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(kafka,
                (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), record.partition()));
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(properties.maxRetries());
        backOff.setInitialInterval(properties.retryInitialInterval().toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(properties.retryMaxInterval().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(KafkaDeadLetters.counting(publisher, registry), backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class, IllegalArgumentException.class);
        return handler;
    }

    /** Platform topics and their dead-letter twins, with the same partition count (DLT keeps the partition). */
    @Bean
    @ConditionalOnProperty(name = "platform.kafka.create-topics", havingValue = "true", matchIfMissing = true)
    KafkaAdmin.NewTopics platformTopics(PlatformKafkaProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            topics.add(new NewTopic(topic, properties.partitions(), properties.replicationFactor()));
            topics.add(new NewTopic(Topics.deadLetter(topic), properties.partitions(), properties.replicationFactor()));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
