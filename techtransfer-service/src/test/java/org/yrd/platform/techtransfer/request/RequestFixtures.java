package org.yrd.platform.techtransfer.request;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.yrd.platform.commons.region.Region;
import org.yrd.platform.techtransfer.listing.Budget;
import org.yrd.platform.techtransfer.listing.TechField;
import org.yrd.platform.techtransfer.listing.TransferMode;

/** Published requests for the matching benchmark, made by the aggregate itself. */
public final class RequestFixtures {

    private RequestFixtures() {
    }

    public static TechnologyRequest published(String organizationId, Map<String, String> title,
                                              Map<String, String> description, TechField field,
                                              List<String> keywords, int requiredTrlMin, Budget budget,
                                              List<TransferMode> modes, Region region, Instant now) {
        TechnologyRequest request = TechnologyRequest.submit(organizationId, new TechnologyRequest.Content(title,
                description, field, keywords, requiredTrlMin, budget, modes, region, null), null);
        request.approve(null, now, Duration.ofDays(365));
        return request;
    }
}
