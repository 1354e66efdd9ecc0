package org.yrd.platform.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.yrd.platform.events.agreement.AgreementActivated;
import org.yrd.platform.events.agreement.AgreementExpired;
import org.yrd.platform.events.agreement.AgreementSigned;
import org.yrd.platform.events.agreement.AgreementTerminated;
import org.yrd.platform.events.agreement.MilestoneOverdue;
import org.yrd.platform.events.news.NewsPublished;
import org.yrd.platform.events.organization.OrganizationRegistered;
import org.yrd.platform.events.organization.OrganizationUpdated;
import org.yrd.platform.events.techtransfer.DealClosed;
import org.yrd.platform.events.techtransfer.MatchAccepted;
import org.yrd.platform.events.techtransfer.MatchDeclined;
import org.yrd.platform.events.techtransfer.MatchProposed;
import org.yrd.platform.events.techtransfer.MatchSuggested;
import org.yrd.platform.events.techtransfer.MatchWithdrawn;
import org.yrd.platform.events.techtransfer.OfferExpired;
import org.yrd.platform.events.techtransfer.OfferPublished;
import org.yrd.platform.events.techtransfer.OfferWithdrawn;
import org.yrd.platform.events.techtransfer.RequestExpired;
import org.yrd.platform.events.techtransfer.RequestMatched;
import org.yrd.platform.events.techtransfer.RequestPublished;
import org.yrd.platform.events.techtransfer.RequestWithdrawn;

/** Every published event type, by the envelope's {@code type} name, with the topic it travels on. */
public final class EventTypes {

    public record Descriptor(String type, String topic, Class<? extends IntegrationEvent> payloadClass) {
    }

    public static final List<Descriptor> ALL = List.of(
            of(Topics.ORGANIZATIONS, OrganizationRegistered.class),
            of(Topics.ORGANIZATIONS, OrganizationUpdated.class),
            of(Topics.AGREEMENTS, AgreementSigned.class),
            of(Topics.AGREEMENTS, AgreementActivated.class),
            of(Topics.AGREEMENTS, AgreementTerminated.class),
            of(Topics.AGREEMENTS, AgreementExpired.class),
            of(Topics.AGREEMENTS, MilestoneOverdue.class),
            of(Topics.NEWS, NewsPublished.class),
            of(Topics.TECHTRANSFER_OFFERS, OfferPublished.class),
            of(Topics.TECHTRANSFER_OFFERS, OfferWithdrawn.class),
            of(Topics.TECHTRANSFER_OFFERS, OfferExpired.class),
            of(Topics.TECHTRANSFER_REQUESTS, RequestPublished.class),
            of(Topics.TECHTRANSFER_REQUESTS, RequestWithdrawn.class),
            of(Topics.TECHTRANSFER_REQUESTS, RequestExpired.class),
            of(Topics.TECHTRANSFER_REQUESTS, RequestMatched.class),
            of(Topics.TECHTRANSFER_MATCHES, MatchSuggested.class),
            of(Topics.TECHTRANSFER_MATCHES, MatchProposed.class),
            of(Topics.TECHTRANSFER_MATCHES, MatchAccepted.class),
            of(Topics.TECHTRANSFER_MATCHES, MatchDeclined.class),
            of(Topics.TECHTRANSFER_MATCHES, MatchWithdrawn.class),
            of(Topics.TECHTRANSFER_MATCHES, DealClosed.class));

    private static final Map<String, Descriptor> BY_TYPE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(Descriptor::type, Function.identity()));

    private EventTypes() {
    }

    public static Optional<Descriptor> find(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /** Where the JSON sample of a type lives on the classpath. */
    public static String samplePath(Descriptor descriptor) {
        return "event-samples/" + descriptor.topic() + "/" + descriptor.type() + ".json";
    }

    private static Descriptor of(String topic, Class<? extends IntegrationEvent> payloadClass) {
        return new Descriptor(payloadClass.getSimpleName(), topic, payloadClass);
    }
}
