package io.golive.spec;

import io.golive.InputException;
import java.util.ArrayList;
import java.util.List;

/** Every problem found in one spec file, each as {@code file:line: message}; thrown together at the end. */
public final class Problems {
    private final String file;
    private final List<Entry> messages = new ArrayList<>();

    private record Entry(int line, String text) {}

    public Problems(String file) {
        this.file = file;
    }

    public void add(int line, String message) {
        messages.add(new Entry(line, file + ":" + line + ": " + message));
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    /** Throws one {@link InputException} listing every problem in line order, if there is any. */
    public void throwIfAny() {
        if (!messages.isEmpty()) {
            throw new InputException(messages.stream()
                    .sorted(java.util.Comparator.comparingInt(Entry::line))
                    .map(Entry::text)
                    .toList());
        }
    }
}
