package org.yrd.platform.commons.error;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds the platform's problem+json bodies (RFC 9457), with stable type URIs per kind of problem. */
public final class Problems {

    public static final String TYPE_BASE = "https://problems.yrd-platform.org/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + slug));
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail validation(String detail, List<FieldViolation> violations) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "validation", "Invalid input", detail);
        problem.setProperty("errors", violations);
        return problem;
    }
}
