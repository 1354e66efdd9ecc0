package org.yrd.platform.commons.region;

import org.yrd.platform.commons.error.InvalidInputException;

/** Turns an unknown or non-county region code into a 400 that names the field and says what to send. */
public final class RegionValidation {

    private RegionValidation() {
    }

    public static Region requireAssignable(RegionCatalog catalog, String field, String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidInputException(field, "is required: a GB/T 2260 county-level code such as 310118");
        }
        if (!catalog.isAssignable(code)) {
            throw new InvalidInputException(field, "must be a known GB/T 2260 county-level code such as 310118 "
                    + "(Qingpu) or 320509 (Wujiang); '" + abbreviate(code) + "' is not one");
        }
        return catalog.find(code).orElseThrow();
    }

    private static String abbreviate(String code) {
        return code.length() <= 12 ? code : code.substring(0, 12) + "…";
    }
}
