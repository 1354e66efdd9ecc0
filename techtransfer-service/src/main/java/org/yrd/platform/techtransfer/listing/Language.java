package org.yrd.platform.techtransfer.listing;

import java.util.List;
import java.util.Locale;

/** The two languages of the platform; anything that is not Chinese is answered in English. */
public enum Language {
    ZH("zh-CN"), EN("en-US");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    public boolean isChinese() {
        return this == ZH;
    }

    /** The caller's preferred language from an Accept-Language header (first-ranked wins; default English). */
    public static Language fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return EN;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
            for (Locale.LanguageRange range : ranges) {
                String language = range.getRange().toLowerCase(Locale.ROOT);
                if (language.startsWith("zh")) {
                    return ZH;
                }
                if (language.startsWith("en")) {
                    return EN;
                }
            }
        } catch (IllegalArgumentException malformed) {
            // a malformed header is not worth a 400: fall back to English
        }
        return EN;
    }
}
