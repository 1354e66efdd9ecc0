package org.yrd.platform.commons.security;

/** Roles carried in the token's {@code roles} claim. ADMIN can do everything STAFF can. */
public enum Role {
    PARTNER, STAFF, ADMIN
}
