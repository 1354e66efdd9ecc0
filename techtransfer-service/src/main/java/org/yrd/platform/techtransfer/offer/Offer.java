package org.yrd.platform.techtransfer.offer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.yrd.platform.commons.error.StateConflictException;
import org.yrd.platform.commons.outbox.AggregateDocument;
import org.yrd.platform.commons.region.Region;
import org.yrd.platform.events.techtransfer.OfferEvent;
import org.yrd.platform.events.techtransfer.OfferExpired;
import org.yrd.platform.events.techtransfer.OfferPublished;
import org.yrd.platform.events.techtransfer.OfferWithdrawn;
import org.yrd.platform.techtransfer.listing.IpStatus;
import org.yrd.platform.techtransfer.listing.MoneyAmount;
import org.yrd.platform.techtransfer.listing.TechField;
import org.yrd.platform.techtransfer.listing.TransferMode;

/**
 * A technology an organization offers for transfer. Every change goes through the AggregateStore together with
 * the event it publishes; each method here returns those events.
 */
@Document("offers")
@CompoundIndexes({
        @CompoundIndex(name = "status_expiresAt", def = "{'status': 1, 'expiresAt': 1}"),
        // the matching index of every instance reads the changes since its last look in this order
        @CompoundIndex(name = "changes", def = "{'updatedAt': 1, '_id': 1}")})
public class Offer extends AggregateDocument {

    @Indexed
    private String organizationId;
    private Map<String, String> title;
    private Map<String, String> summary;
    @Indexed
    private TechField field;
    private List<String> keywords;
    private int trl;
    private IpStatus ipStatus;
    private List<String> patentNumbers;
    private List<TransferMode> transferModes;
    private MoneyAmount askingPrice;
    @Indexed
    private String region;
    private String prefectureCode;
    @Indexed
    private String provinceCode;
    @Indexed
    private OfferStatus status;
    private String reviewReason;
    private Instant reviewedAt;
    private Instant publishedAt;
    private Instant expiresAt;
    private boolean renewed;
    private Instant withdrawnAt;
    private Instant expiredAt;

    Offer() {
    }

    private Offer(String id) {
        super(id);
    }

    /** What a client describes; validated before it gets here. */
    record Content(Map<String, String> title, Map<String, String> summary, TechField field, List<String> keywords,
                   int trl, IpStatus ipStatus, List<String> patentNumbers, List<TransferMode> transferModes,
                   MoneyAmount askingPrice, Region region) {
    }

    static Offer submit(String organizationId, Content content) {
        Offer offer = new Offer("off-" + new ObjectId().toHexString());
        offer.organizationId = organizationId;
        offer.describe(content);
        offer.status = OfferStatus.SUBMITTED;
        return offer;
    }

    /**
     * The owner's edit (see {@code ListingEdit}): replaces the content; a rejected offer goes back to review, so the
     * previous review is cleared. Nothing was public, so no event.
     */
    List<OfferEvent> edit(Content content) {
        status = status.next(OfferStatus.Action.EDIT);
        describe(content);
        reviewReason = null;
        reviewedAt = null;
        return List.of();
    }

    private void describe(Content content) {
        title = Map.copyOf(content.title());
        summary = Map.copyOf(content.summary());
        field = content.field();
        keywords = List.copyOf(content.keywords());
        trl = content.trl();
        ipStatus = content.ipStatus();
        patentNumbers = List.copyOf(content.patentNumbers());
        transferModes = List.copyOf(content.transferModes());
        askingPrice = content.askingPrice();
        region = content.region().code();
        prefectureCode = content.region().prefectureCode();
        provinceCode = content.region().provinceCode();
    }

    List<OfferEvent> approve(String reason, Instant now, Duration lifetime) {
        status = status.next(OfferStatus.Action.APPROVE);
        reviewReason = reason;
        reviewedAt = now;
        publishedAt = now;
        expiresAt = now.plus(lifetime);
        return List.of(published());
    }

    List<OfferEvent> reject(String reason, Instant now) {
        status = status.next(OfferStatus.Action.REJECT);
        reviewReason = reason;
        reviewedAt = now;
        return List.of();
    }

    List<OfferEvent> withdraw(Instant now) {
        boolean wasPublic = status == OfferStatus.PUBLISHED;
        status = status.next(OfferStatus.Action.WITHDRAW);
        withdrawnAt = now;
        return wasPublic ? List.of(new OfferWithdrawn(getId(), organizationId, field.name(), region)) : List.of();
    }

    /** Expiry is due once {@code expiresAt} has passed; a scan that sees an offer not yet due must not expire it. */
    boolean isDue(Instant now) {
        return status == OfferStatus.PUBLISHED && expiresAt != null && !expiresAt.isAfter(now);
    }

    List<OfferEvent> expire(Instant now) {
        if (status == OfferStatus.PUBLISHED && !isDue(now)) {
            throw new StateConflictException("This offer is published until " + expiresAt + "; it cannot expire yet.");
        }
        status = status.next(OfferStatus.Action.EXPIRE);
        expiredAt = now;
        return List.of(new OfferExpired(getId(), organizationId, field.name(), region));
    }

    /**
     * Extends the offer once by a full lifetime from now, as the EEN does: while it is about to expire (within
     * {@code window}) or after it expired. A renewed expired offer is published again.
     */
    List<OfferEvent> renew(Instant now, Duration lifetime, Duration window) {
        OfferStatus next = status.next(OfferStatus.Action.RENEW);
        if (renewed) {
            throw new StateConflictException("This offer was renewed once already; submit it again as a new offer.");
        }
        if (status == OfferStatus.PUBLISHED && expiresAt.isAfter(now.plus(window))) {
            throw new StateConflictException("This offer is published until " + expiresAt + "; it can be renewed "
                    + "from " + expiresAt.minus(window) + " on.");
        }
        boolean republished = status == OfferStatus.EXPIRED;
        status = next;
        renewed = true;
        expiresAt = now.plus(lifetime);
        expiredAt = null;
        List<OfferEvent> events = new ArrayList<>();
        if (republished) {
            events.add(published());
        }
        return events;
    }

    private OfferPublished published() {
        return new OfferPublished(getId(), organizationId, title, field.name(), region, trl);
    }

    public String getOrganizationId() {
        return organizationId;
    }

    public Map<String, String> getTitle() {
        return title;
    }

    public Map<String, String> getSummary() {
        return summary;
    }

    public TechField getField() {
        return field;
    }

    public List<String> getKeywords() {
        return keywords == null ? List.of() : keywords;
    }

    public int getTrl() {
        return trl;
    }

    public IpStatus getIpStatus() {
        return ipStatus;
    }

    public List<String> getPatentNumbers() {
        return patentNumbers == null ? List.of() : patentNumbers;
    }

    public List<TransferMode> getTransferModes() {
        return transferModes == null ? List.of() : transferModes;
    }

    public MoneyAmount getAskingPrice() {
        return askingPrice;
    }

    public String getRegion() {
        return region;
    }

    public String getProvinceCode() {
        return provinceCode;
    }

    public String getPrefectureCode() {
        return prefectureCode;
    }

    public OfferStatus getStatus() {
        return status;
    }

    public String getReviewReason() {
        return reviewReason;
    }

    public Instant getReviewedAt() {
        return reviewedAt;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public boolean isRenewed() {
        return renewed;
    }

    public Instant getWithdrawnAt() {
        return withdrawnAt;
    }

    /** Publicly visible and open for matching right now. */
    public boolean isMatchable(Instant now) {
        return status == OfferStatus.PUBLISHED && expiresAt != null && expiresAt.isAfter(now);
    }
}
