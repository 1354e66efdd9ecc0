package org.yrd.platform.techtransfer.listing;

import java.util.List;
import java.util.function.Function;
import org.yrd.platform.commons.outbox.AggregateDocument;
import org.yrd.platform.commons.outbox.AggregateStore;
import org.yrd.platform.commons.security.Caller;
import org.yrd.platform.events.IntegrationEvent;

/**
 * The owner's edit of an offer or a request ({@code PUT}), one procedure for both. An edit replaces everything the
 * client describes (the create body) and nothing else: status, owner, id, version, review and lifetime stay the
 * service's. The lifecycle tables allow it from SUBMITTED (stays SUBMITTED) and from REJECTED (back to SUBMITTED:
 * the listing re-enters the review queue); anything published or closed is refused with {@link #OTHERWISE}.
 * Nothing was public in either state, so an edit publishes no integration event; the matching index hears of it
 * through the usual in-process "stored" notice and, the listing not being published, leaves it out.
 */
public final class ListingEdit {

    /** What a refused edit's 409 tells the client to do instead ({noun}: offer or request). */
    public static final String OTHERWISE = "Only a {noun} awaiting review (SUBMITTED) or a REJECTED one can be "
            + "edited. To change this one, withdraw it (if it is still published) and submit a new {noun}.";

    /** The OpenAPI description of both PUT endpoints. */
    public static final String API_DOC = "The body is the create body and replaces everything it describes; status, "
            + "owner, review and lifetime are not the client's (organizationId is ignored). Allowed while the "
            + "listing is SUBMITTED (it stays in review) or REJECTED (it goes back to review as SUBMITTED); any other "
            + "state is a 409 (withdraw it and submit a new one). If-Match: the ETag of the GET; none is a 428, a "
            + "stale one a 409. Answers the listing as edited, its new version in the ETag.";

    private ListingEdit() {
    }

    /**
     * Applies an edit as the caller: the listing must be visible to it (the caller's {@code get}, so another
     * partner's private listing stays a 404), its organization's or staff's (else 403), then the edit is stored at
     * the version the client read ({@code If-Match}; a stale one is the store's 409).
     *
     * @param edit validates the new content and applies it to the listing, returning the events to store with it;
     *             it runs only once the caller is known to be allowed, so a stranger learns nothing from a 400
     */
    public static <T extends AggregateDocument> T apply(AggregateStore store, Caller caller, T listing,
                                                        Function<T, String> owner, String noun,
                                                        long expectedVersion,
                                                        Function<T, List<? extends IntegrationEvent>> edit) {
        Access.requireActsFor(caller, owner.apply(listing), noun);
        store.update(listing, expectedVersion, edit.apply(listing));
        return listing;
    }
}
