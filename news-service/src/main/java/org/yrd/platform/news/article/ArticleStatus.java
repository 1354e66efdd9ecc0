package org.yrd.platform.news.article;

import java.util.EnumSet;
import java.util.Set;
import org.yrd.platform.commons.error.StateConflictException;

/**
 * Lifecycle of an article: DRAFT → PUBLISHED → ARCHIVED, nothing else. The allowed moves are listed here and
 * only here, so the controller, the domain and the tests agree on one table.
 */
public enum ArticleStatus {

    DRAFT,
    PUBLISHED,
    ARCHIVED;

    /** The states this one may move to. */
    public Set<ArticleStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(PUBLISHED);
            case PUBLISHED -> EnumSet.of(ARCHIVED);
            case ARCHIVED -> EnumSet.noneOf(ArticleStatus.class);
        };
    }

    public boolean canMoveTo(ArticleStatus target) {
        return next().contains(target);
    }

    /** The target state, or a 409 that says what is possible from here. */
    public ArticleStatus moveTo(ArticleStatus target) {
        if (!canMoveTo(target)) {
            throw new StateConflictException("An article in state " + this + " cannot become " + target
                    + (next().isEmpty() ? "; " + this + " is final." : "; from " + this + " it can only become "
                    + next().iterator().next() + "."));
        }
        return target;
    }

    /** Archived articles are kept as they were archived: corrections stop there. */
    public boolean editable() {
        return this != ARCHIVED;
    }

    /** Whether anonymous readers and partners may see an article in this state. */
    public boolean isPublic() {
        return this == PUBLISHED;
    }
}
