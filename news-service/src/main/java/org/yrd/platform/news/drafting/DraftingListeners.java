package org.yrd.platform.news.drafting;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.yrd.platform.commons.consumer.ProcessedEvents;
import org.yrd.platform.commons.events.EventCodec;
import org.yrd.platform.commons.region.RegionCatalog;
import org.yrd.platform.events.EventEnvelope;
import org.yrd.platform.events.Topics;
import org.yrd.platform.events.agreement.AgreementSigned;
import org.yrd.platform.events.techtransfer.DealClosed;
import org.yrd.platform.news.article.ArticleService;
import org.yrd.platform.news.article.Draft;
import tools.jackson.databind.JsonNode;

/**
 * Drafts an article when an agreement is signed or a deal is closed, exactly once per agreement or deal.
 * Two layers: the processed-events record skips an eventId already handled (a redelivery, a replay from the start
 * of the topic), and the article id derived from the source makes the effect itself idempotent, so that a crash
 * between storing the draft and marking the event, or the same fact re-published under a new eventId, still
 * leaves one article. Other event types on these topics are not for us and are skipped.
 */
@Component
class DraftingListeners {

    static final String AGREEMENTS_CONSUMER = "news-drafts-agreements";
    static final String DEALS_CONSUMER = "news-drafts-deals";
    static final String AGREEMENTS_LISTENER = "news-agreement-drafts";
    static final String DEALS_LISTENER = "news-deal-drafts";

    private static final Logger log = LoggerFactory.getLogger(DraftingListeners.class);

    private final ArticleService articles;
    private final ProcessedEvents processed;
    private final DraftComposer composer;
    private final MeterRegistry registry;

    DraftingListeners(ArticleService articles, ProcessedEvents processed, RegionCatalog regions,
                      MeterRegistry registry) {
        this.articles = articles;
        this.processed = processed;
        this.composer = new DraftComposer(regions::find);
        this.registry = registry;
    }

    @KafkaListener(id = AGREEMENTS_LISTENER, topics = Topics.AGREEMENTS, groupId = "${spring.application.name}")
    void onAgreement(EventEnvelope<JsonNode> envelope) {
        if (!"AgreementSigned".equals(envelope.type())) {
            return;
        }
        AgreementSigned signed = EventCodec.payload(envelope, AgreementSigned.class);
        handle(AGREEMENTS_CONSUMER, envelope, "agreement", () -> composer.agreementSigned(signed));
    }

    @KafkaListener(id = DEALS_LISTENER, topics = Topics.TECHTRANSFER_MATCHES, groupId = "${spring.application.name}")
    void onDeal(EventEnvelope<JsonNode> envelope) {
        if (!"DealClosed".equals(envelope.type())) {
            return;
        }
        DealClosed closed = EventCodec.payload(envelope, DealClosed.class);
        handle(DEALS_CONSUMER, envelope, "deal", () -> composer.dealClosed(closed));
    }

    private void handle(String consumer, EventEnvelope<JsonNode> envelope, String source,
                        java.util.function.Supplier<Draft> compose) {
        boolean ran = processed.handleOnce(consumer, envelope, () -> {
            Draft draft = compose.get();
            boolean created = articles.draftFrom(draft).isPresent();
            log.info("{} {} (event {}): {}", envelope.type(), draft.source().id(), envelope.eventId(),
                    created ? "drafted an article" : "article already drafted");
            if (!created) {
                duplicate(source);
            }
        });
        if (!ran) {
            duplicate(source);
        }
    }

    /** Counts deliveries that found their work already done, by source kind only. */
    private void duplicate(String source) {
        registry.counter("news.drafts.duplicates", "source", source).increment();
    }
}
