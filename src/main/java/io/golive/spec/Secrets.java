package io.golive.spec;

import java.util.Comparator;
import java.util.List;

/** The values substituted for {@code ${ENV}} references; masked wherever they would be shown. */
public final class Secrets {
    private static final String MASK = "****";
    private final List<String> values;

    public Secrets(List<String> values) {
        // Longest first, so a secret that contains another is masked whole.
        this.values = values.stream()
                .filter(v -> !v.isEmpty())
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    public static Secrets none() {
        return new Secrets(List.of());
    }

    /** The text with every secret value replaced by {@code ****}. */
    public String mask(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String v : values) {
            out = out.replace(v, MASK);
        }
        return out;
    }
}
