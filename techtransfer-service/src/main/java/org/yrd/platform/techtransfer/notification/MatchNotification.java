package org.yrd.platform.techtransfer.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;
import org.yrd.platform.commons.outbox.AggregateDocument;
import org.yrd.platform.events.techtransfer.MatchEvent;
import org.yrd.platform.events.techtransfer.MatchSuggested;

/**
 * A suggestion from continuous matching, addressed to one organization: "a newly published offer fits your
 * request" or "a newly published request fits your offer". Its id is derived from (request, offer, recipient), so
 * the store itself refuses a second notification for the same pair, however often the publication is processed
 * and on however many instances; its insert carries {@link MatchSuggested} (event {@code matchId} = this id).
 */
@Document("match_notifications")
@CompoundIndexes({
        @CompoundIndex(name = "inbox", def = "{'organizationId': 1, 'createdAt': -1}"),
        @CompoundIndex(name = "unread", def = "{'organizationId': 1, 'readAt': 1}")})
public class MatchNotification extends AggregateDocument {

    public enum Kind {
        /** An offer was published that fits the recipient's request. */
        OFFER_FOR_REQUEST,
        /** A request was published that the recipient's offer fits. */
        REQUEST_FOR_OFFER
    }

    /** A factor of the suggested pair as it was scored, with its reason in both languages. */
    public record SuggestedFactor(String factor, double contribution, boolean nearMiss, String reasonZh,
                                  String reasonEn) {
    }

    private String organizationId;
    private Kind kind;
    private String requestId;
    private String offerId;
    private Map<String, String> offerTitle;
    private double score;
    private boolean nearMiss;
    private List<SuggestedFactor> factors;
    /** The reasons in the order the ranking gives them, per language. */
    private List<String> reasonsZh;
    private List<String> reasonsEn;
    private Instant readAt;

    MatchNotification() {
    }

    private MatchNotification(String id) {
        super(id);
    }

    /** What continuous matching found; becomes a notification unless the recipient has one for the pair. */
    public record Suggestion(String organizationId, Kind kind, String requestId, String offerId,
                             Map<String, String> offerTitle, double score, boolean nearMiss,
                             List<SuggestedFactor> factors, List<String> reasonsZh, List<String> reasonsEn) {
    }

    static MatchNotification of(Suggestion suggestion) {
        MatchNotification notification = new MatchNotification(idFor(suggestion.requestId(), suggestion.offerId(),
                suggestion.organizationId()));
        notification.organizationId = suggestion.organizationId();
        notification.kind = suggestion.kind();
        notification.requestId = suggestion.requestId();
        notification.offerId = suggestion.offerId();
        notification.offerTitle = suggestion.offerTitle() == null ? Map.of() : Map.copyOf(suggestion.offerTitle());
        notification.score = suggestion.score();
        notification.nearMiss = suggestion.nearMiss();
        notification.factors = List.copyOf(suggestion.factors());
        notification.reasonsZh = List.copyOf(suggestion.reasonsZh());
        notification.reasonsEn = List.copyOf(suggestion.reasonsEn());
        return notification;
    }

    /** The same on every instance and every replay: the pair and who is told about it. */
    static String idFor(String requestId, String offerId, String recipient) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((requestId + "|" + offerId + "|" + recipient)
                    .getBytes(StandardCharsets.UTF_8));
            return "sug-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    List<MatchEvent> suggested() {
        return List.of(new MatchSuggested(getId(), requestId, offerId, organizationId, score));
    }

    /** Marks the notification read; reading it again changes nothing. */
    boolean markRead(Instant now) {
        if (readAt != null) {
            return false;
        }
        readAt = now;
        return true;
    }

    public String getOrganizationId() {
        return organizationId;
    }

    public Kind getKind() {
        return kind;
    }

    public String getRequestId() {
        return requestId;
    }

    public String getOfferId() {
        return offerId;
    }

    public Map<String, String> getOfferTitle() {
        return offerTitle == null ? Map.of() : offerTitle;
    }

    public double getScore() {
        return score;
    }

    public boolean isNearMiss() {
        return nearMiss;
    }

    public List<SuggestedFactor> getFactors() {
        return factors == null ? List.of() : factors;
    }

    public List<String> getReasonsZh() {
        return reasonsZh == null ? List.of() : reasonsZh;
    }

    public List<String> getReasonsEn() {
        return reasonsEn == null ? List.of() : reasonsEn;
    }

    public Instant getReadAt() {
        return readAt;
    }
}
