package io.golive;

/** The base of every exception golive raises on purpose. */
public class GoliveException extends RuntimeException {
    public GoliveException(String message) {
        super(message);
    }

    public GoliveException(String message, Throwable cause) {
        super(message, cause);
    }
}
