package org.yrd.platform.news.article;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Readable, URL-safe slugs: lower-case ASCII words of the English title joined by hyphens, at most
 * {@value #MAX_LENGTH} characters cut at a word boundary. Without a usable English title the slug is
 * {@code news-<short id>}, which is unique because the id is.
 */
public final class Slugs {

    static final int MAX_LENGTH = 80;

    private Slugs() {
    }

    public static String slug(String englishTitle, String articleId) {
        String words = words(englishTitle);
        return words.isEmpty() ? "news-" + shortId(articleId) : words;
    }

    /** The same slug made unique by the article's short id. */
    public static String withSuffix(String slug, String articleId) {
        String suffix = shortId(articleId);
        if (slug.endsWith("-" + suffix) || slug.equals("news-" + suffix)) {
            return slug + "-" + articleId.replaceAll("[^a-z0-9]", "");
        }
        return slug + "-" + suffix;
    }

    static String words(String title) {
        if (title == null) {
            return "";
        }
        // strip accents (é → e)
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        // apostrophes join (NTME's → ntmes), anything else that is not a-z or 0-9 separates words
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("['\u2019]", "")
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            int cut = slug.lastIndexOf('-', MAX_LENGTH);
            slug = slug.substring(0, cut > MAX_LENGTH / 2 ? cut : MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug;
    }

    /** The last 8 characters of the id's hex part: ObjectId counters and SHA-256 prefixes both vary there. */
    static String shortId(String articleId) {
        String hex = articleId.replaceAll("[^a-z0-9]", "");
        return hex.length() <= 8 ? hex : hex.substring(hex.length() - 8);
    }
}
