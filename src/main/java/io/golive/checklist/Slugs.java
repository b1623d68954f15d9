package io.golive.checklist;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/** Turns headings and item texts into stable, unique ids. */
final class Slugs {
    private static final int MAX_LENGTH = 60;
    private final Map<String, Integer> seen = new HashMap<>();

    /** A slug of the text: lower case ASCII words joined by hyphens, at most 60 characters. */
    static String slug(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(Math.min(folded.length(), MAX_LENGTH + 8));
        boolean hyphen = false;
        for (int i = 0; i < folded.length() && out.length() < MAX_LENGTH; i++) {
            char c = Character.toLowerCase(folded.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (hyphen && !out.isEmpty()) {
                    out.append('-');
                }
                out.append(c);
                hyphen = false;
            } else if (Character.getType(c) != Character.NON_SPACING_MARK && c != '\'' && c != '’') {
                hyphen = true;
            }
        }
        return out.isEmpty() ? "item" : out.toString();
    }

    /** The slug made unique among those this instance handed out, with "-2", "-3"... on collisions. */
    String unique(String slug) {
        int n = seen.merge(slug, 1, Integer::sum);
        if (n == 1) {
            return slug;
        }
        String candidate = slug + "-" + n;
        while (seen.containsKey(candidate)) {
            candidate = slug + "-" + (++n);
        }
        seen.put(candidate, 1);
        return candidate;
    }
}
