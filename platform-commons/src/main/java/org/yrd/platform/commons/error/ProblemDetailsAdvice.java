package org.yrd.platform.commons.error;

import com.mongodb.MongoException;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.beans.TypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every error leaves a service as application/problem+json, with a detail that says what to do, and nothing
 * internal (no class names, stack traces, Mongo or Kafka messages).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    static final String RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler(ResourceNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(ResourceNotFoundException e) {
        return respond(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()));
    }

    @ExceptionHandler(StateConflictException.class)
    ResponseEntity<ProblemDetail> illegalTransition(StateConflictException e) {
        return respond(Problems.of(HttpStatus.CONFLICT, "illegal-transition", "Conflict with the current state",
                e.getMessage()));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> staleVersion(OptimisticLockingFailureException e) {
        return respond(Problems.of(HttpStatus.CONFLICT, "stale-version", "Stale version",
                "Someone changed this resource since you read it. Fetch it again, re-apply your change, and send "
                        + "the new version in If-Match."));
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e) {
        return respond(Problems.of(HttpStatus.CONFLICT, "duplicate", "Already exists",
                "A resource with the same unique key already exists."));
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInputException e) {
        return respond(Problems.validation(e.getMessage(), e.violations()));
    }

    @ExceptionHandler(PreconditionRequiredException.class)
    ResponseEntity<ProblemDetail> preconditionRequired(PreconditionRequiredException e) {
        return respond(Problems.of(HttpStatus.PRECONDITION_REQUIRED, "version-required", "Version required",
                e.getMessage()));
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(PayloadTooLargeException e) {
        return respond(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                e.getMessage()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        return respond(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                e.getMessage() == null || e.getMessage().isBlank() ? "Your roles do not allow this." : e.getMessage()));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthorized(AuthenticationException e) {
        ProblemDetail problem = Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                "Send a valid bearer token: Authorization: Bearer <JWT>.");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(problem);
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, QueryTimeoutException.class, MongoException.class,
            CallNotPermittedException.class, BulkheadFullException.class})
    ResponseEntity<ProblemDetail> unavailable(Exception e) {
        log.warn("backing service unavailable: {}", e.toString());
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable",
                "A backing service is unavailable or busy. Retry after the time in Retry-After.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER,
                RETRY_AFTER_SECONDS).body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected error", e);
        return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "Something went wrong on our side. Retry later; if it persists, report the time of the request."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            violations.add(new FieldViolation(error.getField(), error.getDefaultMessage()));
        }
        e.getBindingResult().getGlobalErrors().forEach(error ->
                violations.add(new FieldViolation(error.getObjectName(), error.getDefaultMessage())));
        return ResponseEntity.badRequest().body(Problems.validation(describe(violations), violations));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                violations.add(new FieldViolation(result.getMethodParameter().getParameterName(),
                        error.getDefaultMessage()))));
        return ResponseEntity.badRequest().body(Problems.validation(describe(violations), violations));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : e.getPropertyName();
        String expected = e.getRequiredType() == null ? "another type" : expectedValues(e.getRequiredType());
        List<FieldViolation> violations = List.of(new FieldViolation(field, "must be " + expected));
        return ResponseEntity.badRequest().body(Problems.validation(describe(violations), violations));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Throwable cause = e.getCause();
        while (cause != null) {
            if (cause instanceof PayloadTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                        .body(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                                tooLarge.getMessage()));
            }
            if (cause instanceof JacksonException) {
                break;
            }
            cause = cause.getCause();
        }
        if (cause instanceof InvalidFormatException invalid) {
            String field = path(invalid);
            List<FieldViolation> violations = List.of(new FieldViolation(field,
                    "must be " + expectedValues(invalid.getTargetType())));
            return ResponseEntity.badRequest().body(Problems.validation(describe(violations), violations));
        }
        if (cause instanceof MismatchedInputException mismatched && !(cause instanceof StreamReadException)) {
            String field = path(mismatched);
            String expected = mismatched.getTargetType() == null ? "of another type"
                    : expectedValues(mismatched.getTargetType());
            List<FieldViolation> violations = List.of(new FieldViolation(field.isEmpty() ? "body" : field,
                    "must be " + expected));
            return ResponseEntity.badRequest().body(Problems.validation(describe(violations), violations));
        }
        if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            List<FieldViolation> violations = List.of(new FieldViolation(path(jackson), "has an invalid value"));
            return ResponseEntity.badRequest().body(Problems.validation(describe(violations), violations));
        }
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "malformed-body",
                "Malformed request body", "The body is missing or is not valid JSON. Send a JSON object."));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.of(HttpStatus.NOT_FOUND, "not-found",
                "Not found", "There is no resource at this path. See /v3/api-docs for the API."));
    }

    /** Keeps whatever body Spring built, but never a raw exception message. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem && (problem.getType() == null
                || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(java.net.URI.create(Problems.TYPE_BASE + "http-" + statusCode.value()));
        }
        return response;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static String describe(List<FieldViolation> violations) {
        if (violations.isEmpty()) {
            return "The request is invalid.";
        }
        StringBuilder detail = new StringBuilder("Fix these fields and send again: ");
        for (int i = 0; i < violations.size(); i++) {
            if (i > 0) {
                detail.append("; ");
            }
            detail.append(violations.get(i).field()).append(' ').append(violations.get(i).message());
        }
        return detail.toString();
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expectedValues(Class<?> type) {
        if (type.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object constant : type.getEnumConstants()) {
                names.add(((Enum<?>) constant).name());
            }
            return "one of " + String.join(", ", names);
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "a date or timestamp in ISO-8601 (2019-07-23 or 2019-07-23T02:00:00Z)";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
