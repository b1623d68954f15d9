package io.golive.rollout;

import static java.util.Objects.requireNonNull;

/**
 * How one run of an {@link Action} went.
 *
 * @param ok whether it did what it should (exit 0, a 2xx answer, the object patched)
 * @param summary one line for people ("exit 0 in 35 ms", "HTTP 503", "connection refused")
 * @param output what the action printed or answered (its tail), kept in the event; secrets masked
 */
public record ActionResult(boolean ok, String summary, String output) {
    public ActionResult {
        requireNonNull(summary, "null summary");
        requireNonNull(output, "null output");
    }

    public static ActionResult ok(String summary, String output) {
        return new ActionResult(true, summary, output);
    }

    public static ActionResult failed(String summary, String output) {
        return new ActionResult(false, summary, output);
    }
}
