package org.yrd.platform.commons.security;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/**
 * Who is calling, as the validated token says: {@code sub}, {@code org}, {@code roles}. Controllers take it as a
 * parameter; an anonymous caller has no subject and no roles.
 */
public record Caller(String subject, String organizationId, Set<Role> roles) {

    public static final Caller ANONYMOUS = new Caller(null, null, Set.of());

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean isAnonymous() {
        return subject == null;
    }

    public boolean isStaff() {
        return roles.contains(Role.STAFF) || roles.contains(Role.ADMIN);
    }

    public boolean isPartner() {
        return roles.contains(Role.PARTNER);
    }

    /** Staff see everything; a partner acts only for its own organization. */
    public boolean actsFor(String organization) {
        return isStaff() || (organizationId != null && organizationId.equals(organization));
    }

    public void requireAuthenticated() {
        if (isAnonymous()) {
            throw new AuthenticationCredentialsNotFoundException("no token");
        }
    }

    public void requireStaff() {
        requireAuthenticated();
        if (!isStaff()) {
            throw new AccessDeniedException("Only staff may do this.");
        }
    }

    public void requireAnyRole(Role... allowed) {
        requireAuthenticated();
        for (Role role : allowed) {
            if (roles.contains(role) || (role == Role.STAFF && isStaff())) {
                return;
            }
        }
        throw new AccessDeniedException("This needs one of the roles " + java.util.Arrays.toString(allowed) + ".");
    }
}
