package org.yrd.platform.commons.region;

import java.util.Locale;
import java.util.Objects;

/**
 * One GB/T 2260 administrative division.
 *
 * @param code       six-digit division code, e.g. {@code 310118}
 * @param parentCode code of the parent division, {@code null} for provinces
 * @param level      administrative level
 * @param nameZh     official name in simplified Chinese, e.g. {@code 青浦区}
 * @param nameEn     romanized English name, e.g. {@code Qingpu District}
 */
public record Region(String code, String parentCode, Level level, String nameZh, String nameEn) {

    /** Administrative level, highest first. */
    public enum Level { PROVINCE, PREFECTURE, COUNTY }

    public Region {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(nameZh, "nameZh");
        Objects.requireNonNull(nameEn, "nameEn");
        if (code.length() != 6) {
            throw new IllegalArgumentException("region code must have 6 digits: " + code);
        }
    }

    /** Code of the province this division belongs to (itself for a province). */
    public String provinceCode() {
        return code.substring(0, 2) + "0000";
    }

    /** Code of the prefecture this division belongs to; for a province this is not a real division. */
    public String prefectureCode() {
        return code.substring(0, 4) + "00";
    }

    /** Chinese name for any {@code zh} locale, English otherwise (including {@code null}). */
    public String name(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }

    /** Same as {@link #name(Locale)} for a BCP 47 language tag such as {@code zh-CN} or {@code en}. */
    public String name(String languageTag) {
        return name(languageTag == null ? null : Locale.forLanguageTag(languageTag));
    }
}
