package org.yrd.platform.agreement.agreement;

import java.util.EnumSet;
import java.util.Set;
import org.yrd.platform.commons.error.StateConflictException;

/**
 * The agreement lifecycle as an explicit state machine:
 * DRAFT → SIGNED → ACTIVE → TERMINATED, SIGNED → TERMINATED, and SIGNED/ACTIVE → EXPIRED once effectiveTo passed.
 */
public enum AgreementStatus {
    DRAFT, SIGNED, ACTIVE, TERMINATED, EXPIRED;

    /** Statuses anyone may see; a DRAFT is visible to staff and to its parties only. */
    public static final Set<AgreementStatus> PUBLIC = EnumSet.of(SIGNED, ACTIVE, TERMINATED, EXPIRED);

    public Set<AgreementStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SIGNED);
            case SIGNED -> EnumSet.of(ACTIVE, TERMINATED, EXPIRED);
            case ACTIVE -> EnumSet.of(TERMINATED, EXPIRED);
            case TERMINATED, EXPIRED -> EnumSet.noneOf(AgreementStatus.class);
        };
    }

    public boolean canMoveTo(AgreementStatus target) {
        return next().contains(target);
    }

    /** The target status, or a 409 that says which transitions this status allows. */
    public AgreementStatus moveTo(AgreementStatus target) {
        if (!canMoveTo(target)) {
            throw new StateConflictException("An agreement in status " + this + " cannot become " + target
                    + (next().isEmpty() ? "; it is final." : "; allowed next: " + next() + "."));
        }
        return target;
    }

    public boolean isOpen() {
        return this == DRAFT || this == SIGNED || this == ACTIVE;
    }
}
