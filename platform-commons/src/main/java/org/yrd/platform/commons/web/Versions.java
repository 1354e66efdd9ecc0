package org.yrd.platform.commons.web;

import org.springframework.http.ResponseEntity;
import org.yrd.platform.commons.error.InvalidInputException;
import org.yrd.platform.commons.error.PreconditionRequiredException;

/** Optimistic locking over HTTP: {@code If-Match: "<version>"} in, {@code ETag: "<version>"} out. */
public final class Versions {

    private Versions() {
    }

    /** The version the client based its edit on: If-Match first, else the body's version; one is required. */
    public static long required(String ifMatch, Long bodyVersion) {
        Long fromHeader = parse(ifMatch);
        if (fromHeader != null) {
            return fromHeader;
        }
        if (bodyVersion != null) {
            return bodyVersion;
        }
        throw new PreconditionRequiredException();
    }

    /** The version if the client sent one, for actions where it is optional. */
    public static Long optional(String ifMatch) {
        return parse(ifMatch);
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    public static <T> ResponseEntity<T> ok(T body, long version) {
        return ResponseEntity.ok().eTag(etag(version)).body(body);
    }

    private static Long parse(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("If-Match", "must be the quoted version from the ETag, like \"3\"");
        }
    }
}
