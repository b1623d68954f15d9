package io.golive.checklist;

import static java.util.Objects.requireNonNull;

/** A person or team to reach, from a contacts table or list. */
public record Contact(String role, String details, int line) {
    public Contact {
        requireNonNull(role, "null role");
        requireNonNull(details, "null details");
    }
}
