package org.yrd.platform.techtransfer.listing;

import org.springframework.security.access.AccessDeniedException;
import org.yrd.platform.commons.security.Caller;

/** Access decisions shared by the features. Invisible things are 404s; visible but not yours is a 403. */
public final class Access {

    private Access() {
    }

    public static void requireActsFor(Caller caller, String organizationId, String what) {
        caller.requireAuthenticated();
        if (!caller.actsFor(organizationId)) {
            throw new AccessDeniedException("Only the organization that owns this " + what + ", or staff, may do this.");
        }
    }
}
