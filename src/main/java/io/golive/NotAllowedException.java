package io.golive;

/** An action the caller's role does not permit (HTTP 403 on the server, audited). */
public class NotAllowedException extends GoliveException {
    public NotAllowedException(String message) {
        super(message);
    }
}
