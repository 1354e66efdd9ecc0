package org.yrd.platform.techtransfer.matching;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.yrd.platform.commons.consumer.ProcessedEvents;
import org.yrd.platform.commons.events.EventCodec;
import org.yrd.platform.events.EventEnvelope;
import org.yrd.platform.events.Topics;
import org.yrd.platform.events.techtransfer.OfferPublished;
import org.yrd.platform.events.techtransfer.RequestPublished;
import org.yrd.platform.techtransfer.listing.Language;
import org.yrd.platform.techtransfer.notification.MatchNotification;
import org.yrd.platform.techtransfer.notification.NotificationService;
import org.yrd.platform.techtransfer.offer.Offer;
import org.yrd.platform.techtransfer.offer.OfferService;
import org.yrd.platform.techtransfer.request.RequestService;
import org.yrd.platform.techtransfer.request.TechnologyRequest;

/**
 * Two-way continuous matching. Driven by the service's own OfferPublished and RequestPublished events rather than
 * by the HTTP call that published: the outbox delivers them if and only if the publication was stored, even after
 * a crash, and the consumer group hands each to one instance. A published offer is scored against the open
 * requests and the owner of each request above the threshold is notified; a published request likewise notifies
 * the owners of fitting offers. Idempotent twice over: the event is processed once per consumer (processed
 * events), and a notification's id is derived from the pair and recipient, so neither a replay nor a second
 * instance can double it.
 */
@Component
class ContinuousMatching {

    private static final Logger log = LoggerFactory.getLogger(ContinuousMatching.class);
    static final String CONSUMER = "continuous-matching";
    /**
     * Listeners start before the index is built from the store; a publication consumed meanwhile waits for it
     * rather than failing into the dead-letter topic (well within Kafka's 5-minute poll interval).
     */
    static final Duration BUILD_WAIT = Duration.ofMinutes(3);

    private final IndexedMatchingEngine engine;
    private final MatchingIndexMaintainer maintainer;
    private final OfferService offers;
    private final RequestService requests;
    private final NotificationService notifications;
    private final ProcessedEvents processed;
    private final MatchingProperties properties;
    private final Clock clock;

    ContinuousMatching(IndexedMatchingEngine engine, MatchingIndexMaintainer maintainer, OfferService offers,
                       RequestService requests, NotificationService notifications, ProcessedEvents processed,
                       MatchingProperties properties, Clock clock) {
        this.engine = engine;
        this.maintainer = maintainer;
        this.offers = offers;
        this.requests = requests;
        this.notifications = notifications;
        this.processed = processed;
        this.properties = properties;
        this.clock = clock;
    }

    @KafkaListener(topics = {Topics.TECHTRANSFER_OFFERS, Topics.TECHTRANSFER_REQUESTS},
            groupId = "${spring.application.name}-matching")
    void on(EventEnvelope<tools.jackson.databind.JsonNode> envelope) {
        Object event = EventCodec.typedPayload(envelope);
        if (!(event instanceof OfferPublished) && !(event instanceof RequestPublished)) {
            return;
        }
        Instant now = clock.instant();
        if (envelope.occurredAt().plus(properties.notifyMaxEventAge()).isBefore(now)) {
            log.debug("not matching {} of {}: published at {}, too long ago to notify anyone", envelope.type(),
                    envelope.aggregateId(), envelope.occurredAt());
            return;
        }
        engine.awaitBuilt(BUILD_WAIT);
        processed.handleOnce(CONSUMER, envelope, () -> {
            // the index of this instance may not have seen writes made on others yet
            maintainer.catchUp();
            if (event instanceof OfferPublished published) {
                offerPublished(published.offerId());
            } else if (event instanceof RequestPublished published) {
                requestPublished(published.requestId());
            }
        });
    }

    /** @return how many organizations were notified */
    int offerPublished(String offerId) {
        Offer offer = offers.find(offerId);
        Instant now = clock.instant();
        if (offer == null || !offer.isMatchable(now)) {
            return 0;
        }
        List<RankedMatch> fitting = engine.requestsFor(offer, query(offer.getOrganizationId(), now));
        int notified = 0;
        for (RankedMatch request : fitting) {
            if (notifications.suggest(suggestion(request.organizationId(), MatchNotification.Kind.OFFER_FOR_REQUEST,
                    request.id(), offer.getId(), offer.getTitle(), request))) {
                notified++;
            }
        }
        log.info("offer {} published: {} fitting open requests, {} organizations notified", offerId, fitting.size(),
                notified);
        return notified;
    }

    /** @return how many organizations were notified */
    int requestPublished(String requestId) {
        TechnologyRequest request = requests.find(requestId);
        Instant now = clock.instant();
        if (request == null || !request.isMatchable(now)) {
            return 0;
        }
        List<RankedMatch> fitting = engine.offersFor(request, query(request.getOrganizationId(), now));
        int notified = 0;
        for (RankedMatch offer : fitting) {
            if (notifications.suggest(suggestion(offer.organizationId(), MatchNotification.Kind.REQUEST_FOR_OFFER,
                    request.getId(), offer.id(), offer.title(), offer))) {
                notified++;
            }
        }
        log.info("request {} published: {} fitting offers, {} organizations notified", requestId, fitting.size(),
                notified);
        return notified;
    }

    private MatchQuery query(String ownerOrganization, Instant now) {
        return new MatchQuery(Set.of(ownerOrganization), properties.notifyMaxPerListing(), now,
                properties.notifyMinScore());
    }

    private static MatchNotification.Suggestion suggestion(String recipient, MatchNotification.Kind kind,
                                                           String requestId, String offerId,
                                                           java.util.Map<String, String> offerTitle,
                                                           RankedMatch match) {
        return new MatchNotification.Suggestion(recipient, kind, requestId, offerId, offerTitle, match.score(),
                match.nearMiss(), match.factors().stream().map(f -> new MatchNotification.SuggestedFactor(
                        f.kind().name(), f.contribution(), f.nearMiss(), f.reason(Language.ZH), f.reason(Language.EN)))
                .toList(), match.reasons(Language.ZH), match.reasons(Language.EN));
    }
}
