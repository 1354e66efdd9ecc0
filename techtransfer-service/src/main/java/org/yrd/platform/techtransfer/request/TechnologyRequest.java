package org.yrd.platform.techtransfer.request;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.FieldType;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.yrd.platform.commons.error.StateConflictException;
import org.yrd.platform.commons.region.Region;
import org.yrd.platform.events.techtransfer.RequestEvent;
import org.yrd.platform.events.techtransfer.RequestExpired;
import org.yrd.platform.events.techtransfer.RequestMatched;
import org.yrd.platform.events.techtransfer.RequestPublished;
import org.yrd.platform.events.techtransfer.RequestWithdrawn;
import org.yrd.platform.techtransfer.listing.Budget;
import org.yrd.platform.techtransfer.listing.ListingAggregate;
import org.yrd.platform.techtransfer.listing.ListingLifecycle;
import org.yrd.platform.techtransfer.listing.TechField;
import org.yrd.platform.techtransfer.listing.TransferMode;

/**
 * A technology an organization is looking for. Private to its organization and staff. Every change goes through
 * the AggregateStore together with the events it returns. Review, publication, expiry, renewal and withdrawal are
 * the lifecycle every listing has ({@link ListingAggregate}); a deadline may end the listing sooner, and a closed
 * deal matches it.
 */
@Document("requests")
@CompoundIndexes({
        @CompoundIndex(name = "status_expiresAt", def = "{'status': 1, 'expiresAt': 1}"),
        @CompoundIndex(name = "queue", def = "{'branchCenterId': 1, 'status': 1, 'createdAt': 1}"),
        // the matching index of every instance reads the changes since its last look in this order
        @CompoundIndex(name = "changes", def = "{'updatedAt': 1, '_id': 1}")})
public class TechnologyRequest extends ListingAggregate<RequestStatus, RequestEvent> {

    @Indexed
    private String organizationId;
    private Map<String, String> title;
    private Map<String, String> description;
    @Indexed
    private TechField field;
    private List<String> keywords;
    private int requiredTrlMin;
    private Budget budget;
    private List<TransferMode> acceptableModes;
    private String region;
    private String prefectureCode;
    private String provinceCode;
    /** A calendar date: stored as "2027-06-30" so no time zone can shift it. */
    @Field(targetType = FieldType.STRING)
    private LocalDate deadline;
    private String branchCenterId;
    private Instant matchedAt;
    private String dealId;
    private String matchId;

    TechnologyRequest() {
    }

    private TechnologyRequest(String id) {
        super(id, RequestStatus.SUBMITTED);
    }

    record Content(Map<String, String> title, Map<String, String> description, TechField field,
                   List<String> keywords, int requiredTrlMin, Budget budget, List<TransferMode> acceptableModes,
                   Region region, LocalDate deadline) {
    }

    static TechnologyRequest submit(String organizationId, Content content, String branchCenterId) {
        TechnologyRequest request = new TechnologyRequest("req-" + new ObjectId().toHexString());
        request.organizationId = organizationId;
        request.describe(content, branchCenterId);
        return request;
    }

    /**
     * The owner's edit (see {@code ListingEdit}): replaces the content and the review queue, which follows the
     * region; a rejected request goes back to review, so the previous review is cleared. Nothing was public, so no
     * event.
     */
    List<RequestEvent> edit(Content content, String newBranchCenterId) {
        returnToReview();
        describe(content, newBranchCenterId);
        return List.of();
    }

    private void describe(Content content, String queue) {
        title = Map.copyOf(content.title());
        description = Map.copyOf(content.description());
        field = content.field();
        keywords = List.copyOf(content.keywords());
        requiredTrlMin = content.requiredTrlMin();
        budget = content.budget();
        acceptableModes = List.copyOf(content.acceptableModes());
        region = content.region().code();
        prefectureCode = content.region().prefectureCode();
        provinceCode = content.region().provinceCode();
        deadline = content.deadline();
        branchCenterId = queue;
    }

    /** Approval ends the listing at its deadline if that is sooner, and is refused once the deadline has passed. */
    @Override
    protected Instant publishedUntil(Instant now, Duration lifetime) {
        Instant until = expiry(now, lifetime, deadline);
        if (!until.isAfter(now)) {
            throw new StateConflictException("The deadline of this request (" + deadline + ") has passed; reject it "
                    + "and ask the organization to submit it again with a later deadline.");
        }
        return until;
    }

    /**
     * Extends the request once by a full lifetime from now, while it is about to expire or after it expired. The
     * deadline is replaced by {@code newDeadline}: renewing says the need is still open, so an old deadline that
     * would end it again at once is dropped unless a new one is given.
     */
    List<RequestEvent> renew(Instant now, Duration lifetime, Duration window, LocalDate newDeadline) {
        List<RequestEvent> events = renewUntil(now, window, expiry(now, lifetime, newDeadline));
        // only once the renewal was allowed: a refused one changes nothing
        deadline = newDeadline;
        return events;
    }

    /** A deal was closed on this request: it is matched for good and no longer matchable. */
    List<RequestEvent> match(String newDealId, String byMatchId, Instant now) {
        moveTo(getStatus().next(RequestStatus.Action.MATCH));
        dealId = newDealId;
        matchId = byMatchId;
        matchedAt = now;
        return List.of(new RequestMatched(getId(), organizationId, newDealId));
    }

    /** The end of the listing: a lifetime from now, or the end of the deadline day (UTC) if that is sooner. */
    static Instant expiry(Instant now, Duration lifetime, LocalDate deadline) {
        Instant byLifetime = now.plus(lifetime);
        if (deadline == null) {
            return byLifetime;
        }
        Instant byDeadline = deadline.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return byDeadline.isBefore(byLifetime) ? byDeadline : byLifetime;
    }

    @Override
    protected ListingLifecycle<RequestStatus, ?> lifecycle() {
        return RequestStatus.LIFECYCLE;
    }

    @Override
    protected RequestPublished publishedEvent() {
        return new RequestPublished(getId(), organizationId, title, field.name(), region, requiredTrlMin);
    }

    @Override
    protected RequestWithdrawn withdrawnEvent() {
        return new RequestWithdrawn(getId(), organizationId, field.name(), region);
    }

    @Override
    protected RequestExpired expiredEvent() {
        return new RequestExpired(getId(), organizationId, field.name(), region);
    }

    @Override
    public String getOrganizationId() {
        return organizationId;
    }

    public Map<String, String> getTitle() {
        return title;
    }

    public Map<String, String> getDescription() {
        return description;
    }

    public TechField getField() {
        return field;
    }

    public List<String> getKeywords() {
        return keywords == null ? List.of() : keywords;
    }

    public int getRequiredTrlMin() {
        return requiredTrlMin;
    }

    public Budget getBudget() {
        return budget;
    }

    public List<TransferMode> getAcceptableModes() {
        return acceptableModes == null ? List.of() : acceptableModes;
    }

    public String getRegion() {
        return region;
    }

    public String getPrefectureCode() {
        return prefectureCode;
    }

    public String getProvinceCode() {
        return provinceCode;
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    public String getBranchCenterId() {
        return branchCenterId;
    }

    public String getDealId() {
        return dealId;
    }

    public String getMatchId() {
        return matchId;
    }

    public Instant getMatchedAt() {
        return matchedAt;
    }
}
