package org.yrd.platform.events;

import java.util.Map;

/** Bilingual text in events: a map from BCP-47 tag ({@code zh-CN}, {@code en-US}) to text. */
public final class LocalizedText {

    public static final String ZH = "zh-CN";
    public static final String EN = "en-US";

    private LocalizedText() {
    }

    /** The text in the wanted language, else the other one, else an empty string. */
    public static String pick(Map<String, String> text, String language) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String wanted = text.get(language);
        if (wanted != null && !wanted.isBlank()) {
            return wanted;
        }
        return text.values().stream().filter(v -> v != null && !v.isBlank()).findFirst().orElse("");
    }
}
