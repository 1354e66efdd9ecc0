package org.yrd.platform.commons.error;

/** One entry of a validation problem's {@code errors} list. */
public record FieldViolation(String field, String message) {
}
