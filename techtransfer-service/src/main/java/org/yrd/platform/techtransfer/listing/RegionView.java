package org.yrd.platform.techtransfer.listing;

import org.yrd.platform.commons.region.Region;
import org.yrd.platform.commons.region.RegionCatalog;

/** A region code with its names and parents, for clients that do not carry the GB/T 2260 table. */
public record RegionView(String code, String nameZh, String nameEn, String prefectureCode, String provinceCode) {

    public static RegionView of(RegionCatalog catalog, String code) {
        return catalog.find(code).map(r -> new RegionView(r.code(), r.nameZh(), r.nameEn(),
                r.level() == Region.Level.PROVINCE ? null : r.prefectureCode(),
                r.provinceCode())).orElse(null);
    }
}
