package org.yrd.platform.techtransfer.offer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.yrd.platform.commons.region.Region;
import org.yrd.platform.techtransfer.listing.IpStatus;
import org.yrd.platform.techtransfer.listing.MoneyAmount;
import org.yrd.platform.techtransfer.listing.TechField;
import org.yrd.platform.techtransfer.listing.TransferMode;

/** Published offers for the matching benchmark, made by the aggregate itself, and the service that reads them. */
public final class OfferFixtures {

    private OfferFixtures() {
    }

    public static Offer published(String organizationId, Map<String, String> title, Map<String, String> summary,
                                  TechField field, List<String> keywords, int trl, List<TransferMode> modes,
                                  MoneyAmount price, Region region, Instant now) {
        Offer offer = Offer.submit(organizationId, new Offer.Content(title, summary, field, keywords, trl,
                IpStatus.PATENT_GRANTED, List.of(), modes, price, region));
        offer.approve(null, now, Duration.ofDays(365));
        return offer;
    }

    /** The service as the matching index uses it at start: only its store reads (the rest is not wired). */
    public static OfferService reader(MongoTemplate mongo) {
        return new OfferService(null, mongo, null, null, null, null, null, null);
    }
}
