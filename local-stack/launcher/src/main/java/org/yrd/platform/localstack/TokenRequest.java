package org.yrd.platform.localstack;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A valid body of {@code POST /dev/token}. */
record TokenRequest(String subject, String organization, List<String> roles, long ttlSeconds) {

    static final Set<String> ROLES = Set.of("PARTNER", "STAFF", "ADMIN");
    static final Set<String> FIELDS = Set.of("sub", "org", "roles", "ttlSeconds");
    static final long DEFAULT_TTL_SECONDS = 3600;
    static final long MAX_TTL_SECONDS = 86_400;
    static final String EXAMPLE = "{\"sub\":\"alice\",\"org\":\"<organization id>\",\"roles\":[\"PARTNER\"],\"ttlSeconds\":3600}";

    /** Thrown with a message that tells the caller what to send. */
    static final class InvalidTokenRequest extends Exception {
        InvalidTokenRequest(String message) {
            super(message + ". Send for example " + EXAMPLE
                    + " (sub required; org optional; roles: one or more of PARTNER, STAFF, ADMIN;"
                    + " ttlSeconds 1.." + MAX_TTL_SECONDS + ", default " + DEFAULT_TTL_SECONDS + ")");
        }
    }

    static TokenRequest parse(String body) throws InvalidTokenRequest {
        Map<String, Object> json;
        try {
            json = JSONObjectUtils.parse(body);
        } catch (ParseException e) {
            throw new InvalidTokenRequest("the body is not a JSON object (" + e.getMessage() + ")");
        }
        List<String> unknown = json.keySet().stream().filter(field -> !FIELDS.contains(field)).sorted().toList();
        if (!unknown.isEmpty()) {
            // a misspelt "roles" or "org" would otherwise mint a token that silently lacks it
            throw new InvalidTokenRequest("unknown field(s) " + unknown);
        }
        return new TokenRequest(subject(json.get("sub")), organization(json.get("org")), roles(json.get("roles")),
                ttlSeconds(json.get("ttlSeconds")));
    }

    private static String subject(Object value) throws InvalidTokenRequest {
        if (!(value instanceof String sub) || sub.isBlank()) {
            throw new InvalidTokenRequest("'sub' is required: a non-blank string naming the user");
        }
        return sub.trim();
    }

    private static String organization(Object value) throws InvalidTokenRequest {
        if (value == null) {
            return null;
        }
        if (!(value instanceof String org) || org.isBlank()) {
            throw new InvalidTokenRequest("'org', when present, must be a non-blank string (an organization id)");
        }
        return org.trim();
    }

    private static List<String> roles(Object value) throws InvalidTokenRequest {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new InvalidTokenRequest("'roles' is required: a JSON array with at least one role");
        }
        Set<String> roles = new LinkedHashSet<>();
        for (Object role : list) {
            if (!(role instanceof String name) || !ROLES.contains(name)) {
                throw new InvalidTokenRequest("unknown role " + (role instanceof String ? "'" + role + "'" : role)
                        + " in 'roles'");
            }
            roles.add(name);
        }
        return new ArrayList<>(roles);
    }

    private static long ttlSeconds(Object value) throws InvalidTokenRequest {
        if (value == null) {
            return DEFAULT_TTL_SECONDS;
        }
        if (!(value instanceof Long seconds) || seconds < 1 || seconds > MAX_TTL_SECONDS) {
            throw new InvalidTokenRequest("'ttlSeconds' must be a whole number from 1 to " + MAX_TTL_SECONDS
                    + ", not " + value);
        }
        return seconds;
    }
}
