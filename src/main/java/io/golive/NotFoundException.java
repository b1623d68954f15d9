package io.golive;

/** Something asked for by name or id that does not exist (HTTP 404 on the server). */
public class NotFoundException extends GoliveException {
    public NotFoundException(String message) {
        super(message);
    }
}
