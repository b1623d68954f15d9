package io.golive.server.web;

import io.golive.ConflictException;
import io.golive.InputException;
import io.golive.NotAllowedException;
import io.golive.NotFoundException;
import io.golive.server.security.JsonErrors;
import io.golive.server.security.RefusalAudit;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.Authentication;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every API error as JSON with a clear message: 400 with each field's problem, 404, 403 (audited) ... */
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors {
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private final RefusalAudit refusals;

    ApiErrors(RefusalAudit refusals) {
        this.refusals = refusals;
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(NotFoundException e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage(), List.of());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Map<String, Object>> conflict(ConflictException e) {
        return error(HttpStatus.CONFLICT, e.getMessage(), List.of());
    }

    @ExceptionHandler(NotAllowedException.class)
    ResponseEntity<Map<String, Object>> notAllowed(
            NotAllowedException e, HttpServletRequest request, Authentication auth) {
        refusals.record(request, auth == null ? "anonymous" : auth.getName(), 403, e.getMessage());
        return error(HttpStatus.FORBIDDEN, e.getMessage(), List.of());
    }

    /** A headlined one answers its headline ("invalid launch spec") over its problems; others "invalid input". */
    @ExceptionHandler(InputException.class)
    ResponseEntity<Map<String, Object>> input(InputException e) {
        return error(HttpStatus.BAD_REQUEST, e.headlined() ? e.getMessage() : "invalid input", e.problems());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Map<String, Object>> invalid(MethodArgumentNotValidException e) {
        List<Map<String, String>> fields = e.getBindingResult().getFieldErrors().stream()
                .map(ApiErrors::field)
                .toList();
        return error(HttpStatus.BAD_REQUEST, "invalid request body", fields);
    }

    private static Map<String, String> field(FieldError f) {
        return Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        if (BodyLimitFilter.tooLarge(e)) {
            return error(HttpStatus.CONTENT_TOO_LARGE, "request body too large", List.of());
        }
        String detail = e.getMostSpecificCause().getMessage();
        String first = detail == null ? "" : detail.lines().findFirst().orElse("");
        return error(HttpStatus.BAD_REQUEST, "malformed JSON: " + first, List.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e) {
        return error(HttpStatus.BAD_REQUEST, e.getName() + ": '" + e.getValue() + "' is not a valid value", List.of());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e) {
        return error(HttpStatus.BAD_REQUEST, "missing query parameter '" + e.getParameterName() + "'", List.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Map<String, Object>> noResource(NoResourceFoundException e) {
        return error(HttpStatus.NOT_FOUND, "no such endpoint: /" + e.getResourcePath(), List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
        return error(HttpStatus.METHOD_NOT_ALLOWED, e.getMessage(), List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "send Content-Type: application/json", List.of());
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Map<String, Object>> conflict(DataIntegrityViolationException e) {
        LOG.warn("conflicting change refused: {}", e.getMostSpecificCause().toString());
        return error(HttpStatus.CONFLICT, "conflicting change; retry", List.of());
    }

    /** Anything else is a bug: logged with its stack trace, answered without internals. */
    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<Map<String, Object>> unexpected(RuntimeException e, HttpServletRequest request) {
        LOG.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal error; the server log has the details", List.of());
    }

    static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message, List<?> problems) {
        return ResponseEntity.status(status)
                .body(JsonErrors.body(status.value(), status.getReasonPhrase(), message, problems));
    }
}
