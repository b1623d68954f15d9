package io.golive.checklist;

import static java.util.Objects.requireNonNull;

/** A role whose sign-off the checklist asks for. */
public record Signoff(String role, int line) {
    public Signoff {
        requireNonNull(role, "null role");
    }
}
