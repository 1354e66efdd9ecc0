package org.yrd.platform.techtransfer.matching;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yrd.platform.techtransfer.listing.Budget;
import org.yrd.platform.techtransfer.listing.MoneyAmount;
import org.yrd.platform.techtransfer.listing.TechField;
import org.yrd.platform.techtransfer.listing.TransferMode;
import org.yrd.platform.techtransfer.offer.Offer;
import org.yrd.platform.techtransfer.offer.OfferStatus;
import org.yrd.platform.techtransfer.request.RequestStatus;
import org.yrd.platform.techtransfer.request.TechnologyRequest;

/**
 * An offer or a request as the matching engine sees it: what is indexed, scored and explained. Independent of the
 * store's documents so that the engine, its evaluation and its benchmark run without Spring or MongoDB.
 *
 * @param trl       the offer's TRL, or the request's required minimum
 * @param price     offers only: the asking price, if any
 * @param budget    requests only: the budget, if any
 * @param published PUBLISHED (expiry is checked at query time against {@code expiresAt})
 */
public record Listing(Side side, String id, long version, String organizationId, Map<String, String> title,
                      Map<String, String> text, List<String> keywords, TechField field, int trl,
                      Set<TransferMode> modes, MoneyAmount price, Budget budget, String region, Instant expiresAt,
                      boolean published) {

    public enum Side {
        OFFER, REQUEST;

        public Side other() {
            return this == OFFER ? REQUEST : OFFER;
        }
    }

    public Listing {
        title = title == null ? Map.of() : Map.copyOf(title);
        text = text == null ? Map.of() : Map.copyOf(text);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        modes = modes == null || modes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(modes));
    }

    public static Listing of(Offer offer) {
        return new Listing(Side.OFFER, offer.getId(), offer.getVersion(), offer.getOrganizationId(), offer.getTitle(),
                offer.getSummary(), offer.getKeywords(), offer.getField(), offer.getTrl(),
                Set.copyOf(offer.getTransferModes()), offer.getAskingPrice(), null, offer.getRegion(),
                offer.getExpiresAt(), offer.getStatus() == OfferStatus.PUBLISHED);
    }

    public static Listing of(TechnologyRequest request) {
        return new Listing(Side.REQUEST, request.getId(), request.getVersion(), request.getOrganizationId(),
                request.getTitle(), request.getDescription(), request.getKeywords(), request.getField(),
                request.getRequiredTrlMin(), Set.copyOf(request.getAcceptableModes()), null, request.getBudget(),
                request.getRegion(), request.getExpiresAt(), request.getStatus() == RequestStatus.PUBLISHED);
    }

    /** Published and not yet expired at {@code now}: the only listings a ranking may return. */
    public boolean matchableAt(Instant now) {
        return published && expiresAt != null && expiresAt.isAfter(now);
    }

    public String title(String languageTag) {
        return title.getOrDefault(languageTag, "");
    }

    public String text(String languageTag) {
        return text.getOrDefault(languageTag, "");
    }
}
