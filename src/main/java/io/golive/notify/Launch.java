package io.golive.notify;

import static java.util.Objects.requireNonNull;

/** The launch an event is about: its id (the server's, or the spec's name on the CLI) and name. */
public record Launch(String id, String name) {
    public Launch {
        requireNonNull(id, "null id");
        requireNonNull(name, "null name");
    }
}
