package org.yrd.platform.gateway.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.http.HttpStatusCode;

/**
 * An RFC 9457 problem+json body, with the same type URIs as the services (platform-commons {@code Problems}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance) {

    public static final String TYPE_BASE = "https://problems.yrd-platform.org/";

    public static Problem of(HttpStatusCode status, String slug, String title, String detail) {
        return new Problem(TYPE_BASE + slug, title, status.value(), detail, null);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path);
    }
}
