package org.yrd.platform.techtransfer.offer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.yrd.platform.commons.region.Region;
import org.yrd.platform.events.techtransfer.OfferEvent;
import org.yrd.platform.events.techtransfer.OfferExpired;
import org.yrd.platform.events.techtransfer.OfferPublished;
import org.yrd.platform.events.techtransfer.OfferWithdrawn;
import org.yrd.platform.techtransfer.listing.IpStatus;
import org.yrd.platform.techtransfer.listing.ListingAggregate;
import org.yrd.platform.techtransfer.listing.ListingLifecycle;
import org.yrd.platform.techtransfer.listing.MoneyAmount;
import org.yrd.platform.techtransfer.listing.TechField;
import org.yrd.platform.techtransfer.listing.TransferMode;

/**
 * A technology an organization offers for transfer. Every change goes through the AggregateStore together with
 * the event it publishes; each method here returns those events. Review, publication, expiry, renewal and
 * withdrawal are the lifecycle every listing has ({@link ListingAggregate}).
 */
@Document("offers")
@CompoundIndexes({
        @CompoundIndex(name = "status_expiresAt", def = "{'status': 1, 'expiresAt': 1}"),
        // the matching index of every instance reads the changes since its last look in this order
        @CompoundIndex(name = "changes", def = "{'updatedAt': 1, '_id': 1}")})
public class Offer extends ListingAggregate<OfferStatus, OfferEvent> {

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

    Offer() {
    }

    private Offer(String id) {
        super(id, OfferStatus.SUBMITTED);
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
        return offer;
    }

    /**
     * The owner's edit (see {@code ListingEdit}): replaces the content; a rejected offer goes back to review, so the
     * previous review is cleared. Nothing was public, so no event.
     */
    List<OfferEvent> edit(Content content) {
        returnToReview();
        describe(content);
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

    /**
     * Extends the offer once by a full lifetime from now, as the EEN does: while it is about to expire (within
     * {@code window}) or after it expired. A renewed expired offer is published again.
     */
    List<OfferEvent> renew(Instant now, Duration lifetime, Duration window) {
        return renewUntil(now, window, now.plus(lifetime));
    }

    @Override
    protected ListingLifecycle<OfferStatus, ?> lifecycle() {
        return OfferStatus.LIFECYCLE;
    }

    @Override
    protected OfferPublished publishedEvent() {
        return new OfferPublished(getId(), organizationId, title, field.name(), region, trl);
    }

    @Override
    protected OfferWithdrawn withdrawnEvent() {
        return new OfferWithdrawn(getId(), organizationId, field.name(), region);
    }

    @Override
    protected OfferExpired expiredEvent() {
        return new OfferExpired(getId(), organizationId, field.name(), region);
    }

    @Override
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
}
