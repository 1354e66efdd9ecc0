package org.yrd.platform.commons.outbox;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes the events that {@link AggregateStore} stored, in order per aggregate, and pulls each one off the
 * outbox only after the broker acknowledged it ({@code acks=all}, idempotent producer, key = aggregate id).
 * <p>
 * Instances coordinate through a lease on each aggregate document, so two instances do not publish the same
 * events in normal operation; after a crash the lease runs out and another instance re-sends what was not
 * confirmed (consumers are idempotent on eventId). Broker calls sit behind a circuit breaker, so an outage
 * turns into a quiet back-off rather than a spin; the events wait in the store, surviving restarts.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int MAX_HINTS = 10_000;

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, Object> kafka;
    private final CircuitBreaker breaker;
    private final OutboxProperties properties;
    private final Clock clock;
    private final ObjectProvider<Tracer> tracer;
    private final ObjectProvider<Propagator> propagator;
    private final String instanceId = UUID.randomUUID().toString();
    private final Set<String> collections = ConcurrentHashMap.newKeySet();
    /** Aggregates this instance just stored events for: claimed by _id, without a search of the collection. */
    private final Queue<Hint> hints = new ConcurrentLinkedQueue<>();
    private final AtomicInteger hintCount = new AtomicInteger();
    private volatile long lastSearchNanos = System.nanoTime();
    private final Object wakeUp = new Object();
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();
    private final Counter published;
    private final Counter failures;
    private volatile boolean wokenUp;
    private volatile boolean running;
    private volatile Thread worker;
    private volatile Instant lastMetricsRefresh = Instant.EPOCH;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, Object> kafka, CircuitBreaker breaker,
                       OutboxProperties properties, Clock clock, MeterRegistry registry,
                       ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.breaker = breaker;
        this.properties = properties;
        this.clock = clock;
        this.tracer = tracer;
        this.propagator = propagator;
        this.published = Counter.builder("outbox.events.published").description("events the broker acknowledged")
                .register(registry);
        this.failures = Counter.builder("outbox.publish.failures").description("failed publish attempts")
                .register(registry);
        Gauge.builder("outbox.backlog", backlog, AtomicLong::get).description("events stored but not yet published")
                .register(registry);
        Gauge.builder("outbox.oldest.age", oldestAgeMillis, v -> v.get() / 1000.0).baseUnit("seconds")
                .description("age of the oldest unpublished event").register(registry);
    }

    /** Adds a collection of aggregates to scan. */
    public void register(String collection) {
        if (collections.add(collection)) {
            nudge();
        }
    }

    /**
     * A local write just stored events on this aggregate: the relay claims it by its id at once. Hints beyond a
     * bound are dropped; the periodic search finds those aggregates all the same.
     */
    public void nudge(String collection, Object aggregateId) {
        if (hintCount.incrementAndGet() <= MAX_HINTS) {
            hints.add(new Hint(collection, aggregateId));
        } else {
            hintCount.decrementAndGet();
        }
        nudge();
    }

    /** Wakes the relay now instead of at its next poll. */
    public void nudge() {
        synchronized (wakeUp) {
            wokenUp = true;
            wakeUp.notifyAll();
        }
    }

    public long backlog() {
        return backlog.get();
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            log.info("outbox relay disabled (platform.outbox.enabled=false)");
            return;
        }
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread current = worker;
        if (current != null) {
            nudge();
            try {
                current.join(properties.sendTimeout().toMillis() + 2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts after the Kafka and Mongo beans, stops before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    private void loop() {
        Duration backoff = Duration.ZERO;
        while (running) {
            try {
                refreshMetricsIfDue();
                if (!breaker.tryAcquirePermission()) {
                    sleep(Duration.ofMillis(500));
                    continue;
                }
                breaker.releasePermission();
                int sent = relayOnce();
                backoff = Duration.ZERO;
                if (sent == 0) {
                    awaitWork(properties.idlePoll());
                }
            } catch (BrokerUnavailableException e) {
                backoff = backoff.isZero() ? Duration.ofMillis(200) : min(backoff.multipliedBy(2), Duration.ofSeconds(5));
                log.warn("outbox relay: broker unavailable ({}), retrying in {} ms; events wait in the store",
                        e.getMessage(), backoff.toMillis());
                sleep(backoff);
            } catch (RuntimeException e) {
                backoff = backoff.isZero() ? Duration.ofMillis(200) : min(backoff.multipliedBy(2), Duration.ofSeconds(5));
                log.warn("outbox relay cycle failed ({}), retrying in {} ms", e.toString(), backoff.toMillis());
                sleep(backoff);
            }
        }
    }

    /**
     * One cycle: claim a batch of aggregates with pending events, publish them, confirm. Returns events sent.
     * <p>
     * The whole batch is handed to the producer before any acknowledgement is awaited, so a cycle costs one
     * broker round trip rather than one per aggregate; the idempotent producer keeps each aggregate's events in
     * order on its partition. Only the acknowledged prefix of an aggregate's events leaves its outbox.
     */
    int relayOnce() {
        List<Claim> claims = claimBatch();
        List<List<CompletableFuture<SendResult<String, Object>>>> sends = new ArrayList<>(claims.size());
        boolean producerRefused = false;
        for (Claim claim : claims) {
            List<CompletableFuture<SendResult<String, Object>>> claimSends = new ArrayList<>();
            sends.add(claimSends);
            if (producerRefused) {
                continue;
            }
            for (Document event : claim.events()) {
                CompletableFuture<SendResult<String, Object>> sent;
                try {
                    sent = send(event);
                } catch (RuntimeException e) {
                    sent = CompletableFuture.failedFuture(e);
                }
                claimSends.add(sent);
                if (sent.isCompletedExceptionally()) {
                    // the producer could not even take it (no metadata within max.block.ms): stop handing it more
                    producerRefused = true;
                    break;
                }
            }
        }
        long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
        int sent = 0;
        BrokerUnavailableException brokerFailure = null;
        for (int i = 0; i < claims.size(); i++) {
            Claim claim = claims.get(i);
            List<String> acknowledged = new ArrayList<>();
            if (brokerFailure == null) {
                try {
                    awaitInOrder(claim, sends.get(i), deadline, acknowledged);
                } catch (BrokerUnavailableException e) {
                    brokerFailure = e;
                }
            }
            releaseLease(claim, acknowledged);
            sent += acknowledged.size();
        }
        if (brokerFailure != null) {
            throw brokerFailure;
        }
        return sent;
    }

    /**
     * Claims up to a batch of aggregates with pending events. First those this instance's writes announced, by id;
     * then, when there were none or at least once per idle poll, a search of the collections for the rest (writes of
     * other instances, events left by a crash or an outage), oldest first, one query per collection.
     */
    private List<Claim> claimBatch() {
        List<Claim> claims = new ArrayList<>();
        for (Hint hint = pollHint(); hint != null; hint = claims.size() < properties.batchSize() ? pollHint() : null) {
            claim(hint.collection(), hint.aggregateId(), claims);
        }
        boolean searchDue = System.nanoTime() - lastSearchNanos >= properties.idlePoll().toNanos();
        if (claims.isEmpty() || searchDue && claims.size() < properties.batchSize()) {
            lastSearchNanos = System.nanoTime();
            for (String collection : collections) {
                int room = properties.batchSize() - claims.size();
                if (room <= 0) {
                    break;
                }
                Query claimable = Query.query(claimableCriteria(clock.instant())).with(Sort.by("updatedAt"))
                        .limit(room);
                claimable.fields().include("_id");
                for (Document candidate : mongo.find(claimable, Document.class, collection)) {
                    claim(collection, candidate.get("_id"), claims);
                }
            }
        }
        return claims;
    }

    private Hint pollHint() {
        Hint hint = hints.poll();
        if (hint != null) {
            hintCount.decrementAndGet();
        }
        return hint;
    }

    /**
     * Claims one aggregate if it still has pending events and no live lease: an atomic update through the _id index
     * that returns the events as they are at that moment (another instance may have published some meanwhile).
     */
    private void claim(String collection, Object aggregateId, List<Claim> claims) {
        Instant now = clock.instant();
        Query stillClaimable = Query.query(Criteria.where("_id").is(aggregateId).andOperator(claimableCriteria(now)));
        stillClaimable.fields().include(OutboxFields.EVENTS);
        Update lease = new Update()
                .set(OutboxFields.LEASE_OWNER, instanceId)
                .set(OutboxFields.LEASE_UNTIL, Date.from(now.plus(properties.lease())));
        Document claimed = mongo.findAndModify(stillClaimable, lease, FindAndModifyOptions.options().returnNew(true),
                Document.class, collection);
        if (claimed != null) {
            claims.add(new Claim(collection, claimed.get("_id"), claimed.getList(OutboxFields.EVENTS, Document.class,
                    List.of())));
        }
    }

    private static Criteria claimableCriteria(Instant now) {
        return Criteria.where(OutboxFields.PENDING).is(true).orOperator(
                Criteria.where(OutboxFields.LEASE_UNTIL).is(null),
                Criteria.where(OutboxFields.LEASE_UNTIL).lt(Date.from(now)));
    }

    /** Collects the acknowledgements of one aggregate's events in order, stopping at the first failure. */
    private void awaitInOrder(Claim claim, List<CompletableFuture<SendResult<String, Object>>> inFlight,
                              long deadline, List<String> acknowledged) {
        try {
            if (inFlight.size() < claim.events().size()) {
                for (CompletableFuture<SendResult<String, Object>> sent : inFlight) {
                    sent.getNow(null); // rethrows the refusal that stopped the sending
                }
                throw new IllegalStateException("not sent: the producer refused an earlier record");
            }
            for (int i = 0; i < inFlight.size(); i++) {
                long start = System.nanoTime();
                long remaining = Math.max(1, deadline - start);
                inFlight.get(i).get(remaining, TimeUnit.NANOSECONDS);
                breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                acknowledged.add(claim.events().get(i).getString(OutboxFields.EVENT_ID));
                published.increment();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException("interrupted");
        } catch (Exception e) {
            failures.increment();
            breaker.onError(0, TimeUnit.NANOSECONDS, e);
            throw new BrokerUnavailableException(rootMessage(e));
        }
    }

    private CompletableFuture<SendResult<String, Object>> send(Document event) {
        ProducerRecord<String, Object> record = new ProducerRecord<>(event.getString(OutboxFields.TOPIC),
                event.getString(OutboxFields.KEY), event.getString(OutboxFields.ENVELOPE));
        record.headers().add("eventType", event.getString(OutboxFields.TYPE).getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventId", event.getString(OutboxFields.EVENT_ID).getBytes(StandardCharsets.UTF_8));
        Span span = continueStoredTrace(event);
        if (span == null) {
            return kafka.send(record);
        }
        try (Tracer.SpanInScope ignored = tracer.getObject().withSpan(span)) {
            return kafka.send(record);
        } finally {
            span.end();
        }
    }

    private Span continueStoredTrace(Document event) {
        Tracer currentTracer = tracer.getIfAvailable();
        Propagator currentPropagator = propagator.getIfAvailable();
        Document trace = event.get(OutboxFields.TRACE, Document.class);
        if (currentTracer == null || currentPropagator == null || trace == null || trace.isEmpty()) {
            return null;
        }
        Map<String, Object> carrier = trace;
        return currentPropagator.extract(carrier, (c, key) -> c.get(key) == null ? null : c.get(key).toString())
                .name("outbox publish").start();
    }

    /** Pulls the acknowledged events off the document and gives up the lease; clears the flag when empty. */
    private void releaseLease(Claim claim, List<String> acknowledged) {
        Query ours = Query.query(Criteria.where("_id").is(claim.id()).and(OutboxFields.LEASE_OWNER).is(instanceId));
        Update release = new Update().unset(OutboxFields.LEASE_OWNER).unset(OutboxFields.LEASE_UNTIL);
        if (!acknowledged.isEmpty()) {
            release.pull(OutboxFields.EVENTS, Query.query(Criteria.where(OutboxFields.EVENT_ID).in(acknowledged))
                    .getQueryObject());
        }
        mongo.updateFirst(ours, release, claim.collection());
        Query drained = Query.query(Criteria.where("_id").is(claim.id()).and(OutboxFields.EVENTS).size(0));
        mongo.updateFirst(drained, new Update().set(OutboxFields.PENDING, false), claim.collection());
    }

    private void refreshMetricsIfDue() {
        if (Duration.between(lastMetricsRefresh, clock.instant()).compareTo(properties.metricsRefresh()) >= 0) {
            refreshMetrics();
        }
    }

    /** Recomputes the backlog and oldest-age gauges from the store. */
    public void refreshMetrics() {
        Instant now = clock.instant();
        lastMetricsRefresh = now;
        long count = 0;
        Instant oldest = null;
        for (String collection : collections) {
            Query pending = Query.query(Criteria.where(OutboxFields.PENDING).is(true));
            pending.fields().include(OutboxFields.EVENTS);
            for (Document document : mongo.find(pending, Document.class, collection)) {
                for (Document event : document.getList(OutboxFields.EVENTS, Document.class, List.of())) {
                    count++;
                    Instant occurred = event.getDate(OutboxFields.OCCURRED_AT).toInstant();
                    if (oldest == null || occurred.isBefore(oldest)) {
                        oldest = occurred;
                    }
                }
            }
        }
        backlog.set(count);
        oldestAgeMillis.set(oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toMillis()));
    }

    private void awaitWork(Duration timeout) {
        synchronized (wakeUp) {
            if (!wokenUp && running) {
                try {
                    wakeUp.wait(Math.max(1, timeout.toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            wokenUp = false;
        }
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private record Claim(String collection, Object id, List<Document> events) {
    }

    private record Hint(String collection, Object aggregateId) {
    }

    private static final class BrokerUnavailableException extends RuntimeException {
        BrokerUnavailableException(String message) {
            super(message);
        }
    }
}
