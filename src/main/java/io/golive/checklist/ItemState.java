package io.golive.checklist;

/** The state an item's author gave it in the source: its box or its status emoji. */
public enum ItemState {
    OPEN,
    DONE,
    IN_PROGRESS,
    /** Marked {@code [!]}: the author says something blocks it. */
    BLOCKED
}
