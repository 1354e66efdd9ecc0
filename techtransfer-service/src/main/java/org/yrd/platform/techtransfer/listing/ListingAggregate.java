package org.yrd.platform.techtransfer.listing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.data.mongodb.core.index.Indexed;
import org.yrd.platform.commons.error.StateConflictException;
import org.yrd.platform.commons.outbox.AggregateDocument;
import org.yrd.platform.events.IntegrationEvent;

/**
 * What an offer and a request share as stored aggregates: their lifecycle ({@link ListingLifecycle}) with its
 * review, publication, expiry, one renewal and withdrawal, and the events these publish. The subclass describes
 * the listing, names its events and is the {@code @Document}; the fields here are stored in its document under the
 * same names as before they moved here.
 *
 * <p>The moves are public only because this class is shared by two packages: like every change of an aggregate,
 * they are for the feature's service, which stores the change with the events they return.
 *
 * @param <S> the feature's status enum
 * @param <E> the feature's integration events
 */
public abstract class ListingAggregate<S extends Enum<S>, E extends IntegrationEvent> extends AggregateDocument {

    @Indexed
    private S status;
    private String reviewReason;
    private Instant reviewedAt;
    private Instant publishedAt;
    private Instant expiresAt;
    private boolean renewed;
    private Instant withdrawnAt;
    private Instant expiredAt;

    protected ListingAggregate() {
    }

    protected ListingAggregate(String id, S initial) {
        super(id);
        this.status = initial;
    }

    /** The feature's table, which decides every move here. */
    protected abstract ListingLifecycle<S, ?> lifecycle();

    public abstract String getOrganizationId();

    /** The event of becoming public: on approval, and on the renewal of an expired listing. */
    protected abstract E publishedEvent();

    protected abstract E withdrawnEvent();

    protected abstract E expiredEvent();

    /** Staff approve: the listing is published until {@link #publishedUntil}. */
    public final List<E> approve(String reason, Instant now, Duration lifetime) {
        S next = lifecycle().next(status, ListingLifecycle.Move.APPROVE);
        // after the move is known to be allowed: a refusal of the move comes first
        Instant until = publishedUntil(now, lifetime);
        status = next;
        reviewReason = reason;
        reviewedAt = now;
        publishedAt = now;
        expiresAt = until;
        return List.of(publishedEvent());
    }

    /** When a listing approved now stops being published: a lifetime from now, unless the subclass ends it sooner. */
    protected Instant publishedUntil(Instant now, Duration lifetime) {
        return now.plus(lifetime);
    }

    public final List<E> reject(String reason, Instant now) {
        status = lifecycle().next(status, ListingLifecycle.Move.REJECT);
        reviewReason = reason;
        reviewedAt = now;
        return List.of();
    }

    /**
     * The owner's edit (see {@link ListingEdit}), before the subclass replaces the content: a rejected listing goes
     * back to review, so the previous review is cleared. Nothing was public, so no event.
     */
    protected final void returnToReview() {
        status = lifecycle().next(status, ListingLifecycle.Move.EDIT);
        reviewReason = null;
        reviewedAt = null;
    }

    public final List<E> withdraw(Instant now) {
        boolean wasPublic = status == lifecycle().published();
        status = lifecycle().next(status, ListingLifecycle.Move.WITHDRAW);
        withdrawnAt = now;
        return wasPublic ? List.of(withdrawnEvent()) : List.of();
    }

    /** Expiry is due once {@code expiresAt} has passed; a scan that sees a listing not yet due must not expire it. */
    public final boolean isDue(Instant now) {
        return status == lifecycle().published() && expiresAt != null && !expiresAt.isAfter(now);
    }

    public final List<E> expire(Instant now) {
        if (status == lifecycle().published() && !isDue(now)) {
            throw new StateConflictException("This " + lifecycle().noun() + " is published until " + expiresAt
                    + "; it cannot expire yet.");
        }
        status = lifecycle().next(status, ListingLifecycle.Move.EXPIRE);
        expiredAt = now;
        return List.of(expiredEvent());
    }

    /**
     * Extends the listing once, until {@code until}, as the EEN does: while it is about to expire (within
     * {@code window}) or after it expired. A renewed expired listing is published again. Refused without any
     * change, so a subclass may change its own fields once this has returned.
     */
    protected final List<E> renewUntil(Instant now, Duration window, Instant until) {
        S next = lifecycle().next(status, ListingLifecycle.Move.RENEW);
        String noun = lifecycle().noun();
        if (renewed) {
            throw new StateConflictException("This " + noun + " was renewed once already; submit it again as a new "
                    + noun + ".");
        }
        if (status == lifecycle().published() && expiresAt.isAfter(now.plus(window))) {
            throw new StateConflictException("This " + noun + " is published until " + expiresAt + "; it can be "
                    + "renewed from " + expiresAt.minus(window) + " on.");
        }
        boolean republished = status == lifecycle().expired();
        status = next;
        renewed = true;
        expiresAt = until;
        expiredAt = null;
        return republished ? List.of(publishedEvent()) : List.of();
    }

    /** A move of the subclass's own (a request's MATCH), already made by its table. */
    protected final void moveTo(S next) {
        status = next;
    }

    /** Publicly visible and open for matching right now. */
    public boolean isMatchable(Instant now) {
        return status == lifecycle().published() && expiresAt != null && expiresAt.isAfter(now);
    }

    public S getStatus() {
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
}
