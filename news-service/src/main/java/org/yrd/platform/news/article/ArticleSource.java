package org.yrd.platform.news.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What an event-drafted article was drafted from: {@code {type: AGREEMENT_SIGNED, id: <agreementId>}}.
 *
 * @param type the kind of event
 * @param id   the agreement or deal id
 */
public record ArticleSource(SourceType type, String id) {

    public ArticleSource {
        Objects.requireNonNull(type, "type");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a " + type + " source needs the id of what it is about");
        }
    }

    /** One value for the unique index: one article per source, however often the event arrives. */
    public String key() {
        return type + ":" + id;
    }

    /**
     * The article id for this source, the same every time: a redelivered or replayed event, even with a new
     * eventId, tries to insert the same id and is refused by the store.
     */
    public String articleId() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key().getBytes(StandardCharsets.UTF_8));
            return "art-" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
