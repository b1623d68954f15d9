package io.golive.checklist;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A condition that calls for a rollback: numeric ("P95 &gt; 1s") or only described ("Security breach
 * detected").
 *
 * @param text the trigger as written
 * @param threshold the limit that fires it, when the text gives one
 * @param action what the checklist says to do ("AUTO ROLLBACK"), when it says
 */
public record RollbackTrigger(String text, Optional<Threshold> threshold, Optional<String> action, int line) {
    public RollbackTrigger {
        requireNonNull(text, "null text");
        requireNonNull(threshold, "null threshold");
        requireNonNull(action, "null action");
    }
}
