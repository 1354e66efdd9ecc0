package org.yrd.platform.techtransfer.listing;

import org.springframework.data.mongodb.core.query.Criteria;
import org.yrd.platform.commons.error.InvalidInputException;
import org.yrd.platform.commons.region.Region;
import org.yrd.platform.commons.region.RegionCatalog;

/**
 * The {@code region} list filter: a county code matches exactly, a prefecture or province code matches everything
 * inside it. Documents store {@code region}, {@code prefectureCode} and {@code provinceCode} for this.
 */
public final class RegionFilter {

    private RegionFilter() {
    }

    public static Criteria criteria(RegionCatalog regions, String code) {
        Region region = regions.find(code).orElseThrow(() -> new InvalidInputException("region",
                "must be a known GB/T 2260 code (county, prefecture or province), such as 320509 or 320500"));
        return switch (region.level()) {
            case PROVINCE -> Criteria.where("provinceCode").is(region.code());
            case PREFECTURE -> regions.isAssignable(region.code())
                    ? Criteria.where("region").is(region.code())
                    : Criteria.where("prefectureCode").is(region.code());
            case COUNTY -> Criteria.where("region").is(region.code());
        };
    }
}
