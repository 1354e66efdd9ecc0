package org.yrd.platform.techtransfer.match;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.yrd.platform.commons.outbox.AggregateDocument;
import org.yrd.platform.events.techtransfer.DealClosed;
import org.yrd.platform.events.techtransfer.MatchAccepted;
import org.yrd.platform.events.techtransfer.MatchDeclined;
import org.yrd.platform.events.techtransfer.MatchEvent;
import org.yrd.platform.events.techtransfer.MatchProposed;
import org.yrd.platform.events.techtransfer.MatchWithdrawn;
import org.yrd.platform.events.techtransfer.OrganizationRef;
import org.yrd.platform.techtransfer.listing.MoneyAmount;
import org.yrd.platform.techtransfer.listing.TechField;
import org.yrd.platform.techtransfer.listing.TransferMode;

/**
 * A requester's interest in an offer, and where it led. Two unique sparse keys make the store itself refuse what
 * two concurrent requests could otherwise both do: {@code openPair} (set only while the match is open) allows one
 * open match per request and offer, {@code dealRequestId} (set only once a deal closed) one deal per request.
 */
@Document("matches")
public class Match extends AggregateDocument {

    @Indexed
    private String requestId;
    @Indexed
    private String offerId;
    @Indexed
    private String requestOrganizationId;
    @Indexed
    private String offerOrganizationId;
    private String message;
    @Indexed
    private MatchStatus status;
    @Indexed(unique = true, sparse = true)
    private String openPair;
    @Indexed(unique = true, sparse = true)
    private String dealRequestId;
    /** Copied when proposed, so deals and statistics need no join. */
    private Map<String, String> offerTitle;
    private TechField field;
    private String requestRegion;
    private String requestProvinceCode;
    private Decline decline;
    private Deal deal;
    private Instant acceptedAt;
    private Instant closedAt;

    public record Decline(DeclineReason reasonCode, String text, Instant declinedAt) {
    }

    Match() {
    }

    private Match(String id) {
        super(id);
    }

    record Parties(String requestId, String requestOrganizationId, String requestRegion, String requestProvinceCode,
                   String offerId, String offerOrganizationId, Map<String, String> offerTitle, TechField field) {
    }

    static Match propose(Parties parties, String message) {
        Match match = new Match("match-" + new ObjectId().toHexString());
        match.requestId = parties.requestId();
        match.offerId = parties.offerId();
        match.requestOrganizationId = parties.requestOrganizationId();
        match.offerOrganizationId = parties.offerOrganizationId();
        match.requestRegion = parties.requestRegion();
        match.requestProvinceCode = parties.requestProvinceCode();
        match.offerTitle = parties.offerTitle();
        match.field = parties.field();
        match.message = message;
        match.status = MatchStatus.PROPOSED;
        match.openPair = openPairKey(parties.requestId(), parties.offerId());
        return match;
    }

    static String openPairKey(String requestId, String offerId) {
        return requestId + "|" + offerId;
    }

    List<MatchEvent> proposed() {
        return List.of(new MatchProposed(getId(), requestId, offerId, requestOrganizationId, offerOrganizationId));
    }

    List<MatchEvent> accept(Instant now) {
        status = status.next(MatchStatus.Action.ACCEPT);
        acceptedAt = now;
        return List.of(new MatchAccepted(getId(), requestId, offerId));
    }

    List<MatchEvent> decline(DeclineReason reason, String text, Instant now) {
        status = status.next(MatchStatus.Action.DECLINE);
        decline = new Decline(reason, text, now);
        close(now);
        return List.of(new MatchDeclined(getId(), requestId, offerId, reason.name()));
    }

    List<MatchEvent> withdraw(Instant now) {
        status = status.next(MatchStatus.Action.WITHDRAW);
        close(now);
        return List.of(new MatchWithdrawn(getId(), requestId, offerId));
    }

    List<MatchEvent> closeDeal(TransferMode mode, MoneyAmount value, Instant signedAt, Instant now,
                               OrganizationRef offerOrganization, OrganizationRef requestOrganization) {
        status = status.next(MatchStatus.Action.CLOSE_DEAL);
        deal = new Deal("deal-" + new ObjectId().toHexString(), mode, value, signedAt, now, requestRegion,
                requestProvinceCode);
        dealRequestId = requestId;
        close(now);
        return List.of(new DealClosed(getId(), deal.dealId(), offerId, requestId, offerTitle,
                field == null ? null : field.name(), offerOrganization, requestOrganization, mode.name(),
                value.toEvent(), signedAt));
    }

    private void close(Instant now) {
        // clearing the key lets the same request and offer be matched again later
        openPair = null;
        closedAt = now;
    }

    public boolean involves(String organizationId) {
        return organizationId != null
                && (organizationId.equals(requestOrganizationId) || organizationId.equals(offerOrganizationId));
    }

    public String getRequestId() {
        return requestId;
    }

    public String getOfferId() {
        return offerId;
    }

    public String getRequestOrganizationId() {
        return requestOrganizationId;
    }

    public String getOfferOrganizationId() {
        return offerOrganizationId;
    }

    public String getMessage() {
        return message;
    }

    public MatchStatus getStatus() {
        return status;
    }

    public String getOpenPair() {
        return openPair;
    }

    public Map<String, String> getOfferTitle() {
        return offerTitle;
    }

    public TechField getField() {
        return field;
    }

    public String getRequestProvinceCode() {
        return requestProvinceCode;
    }

    public Decline getDecline() {
        return decline;
    }

    public Deal getDeal() {
        return deal;
    }

    public Instant getAcceptedAt() {
        return acceptedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }
}
