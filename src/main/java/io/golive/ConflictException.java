package io.golive;

/** A request that clashes with the current state, such as starting a rollout while one runs (HTTP 409). */
public class ConflictException extends GoliveException {
    public ConflictException(String message) {
        super(message);
    }
}
