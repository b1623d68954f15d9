package io.golive;

import tools.jackson.core.JacksonException;

/** Where a file that does not parse went wrong, for messages that name the line instead of the parser's words. */
public final class ParseErrors {
    private ParseErrors() {}

    /** The line the parser stopped at, 1 when it does not say. */
    public static int line(JacksonException e) {
        return e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
    }

    /** The column the parser stopped at, 1 when it does not say. */
    public static int column(JacksonException e) {
        return e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getColumnNr());
    }
}
