package org.yrd.platform.techtransfer.listing;

import java.time.Instant;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * A position in the (updatedAt, id) order of a collection's writes, to read the changes since then page by page
 * without skipping or looping over writes that share a timestamp.
 *
 * @param afterId null for "everything at or after {@code updatedAt}"
 */
public record ChangeCursor(Instant updatedAt, String afterId) {

    public static final Sort ORDER = Sort.by(Sort.Direction.ASC, "updatedAt", "_id");

    public static ChangeCursor since(Instant updatedAt) {
        return new ChangeCursor(updatedAt, null);
    }

    public ChangeCursor after(Instant lastUpdatedAt, String lastId) {
        return new ChangeCursor(lastUpdatedAt, lastId);
    }

    public Criteria criteria() {
        if (afterId == null) {
            return Criteria.where("updatedAt").gte(updatedAt);
        }
        return new Criteria().orOperator(Criteria.where("updatedAt").gt(updatedAt),
                Criteria.where("updatedAt").is(updatedAt).and("_id").gt(afterId));
    }
}
