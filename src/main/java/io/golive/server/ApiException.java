package io.golive.server;

import java.util.List;

/**
 * A request the server refuses, with the HTTP status and the problems to show. Services throw it; the
 * web layer turns it into a JSON error.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final List<String> problems;

    public ApiException(int status, String message) {
        this(status, message, List.of());
    }

    public ApiException(int status, String message, List<String> problems) {
        super(message);
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, what);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, message);
    }

    public int status() {
        return status;
    }

    public List<String> problems() {
        return problems;
    }
}
