package io.golive.checklist;

import java.util.Map;
import java.util.regex.Matcher;

/** YAML front matter ({@code ---} ... {@code ---} at the top): simple {@code key: value} pairs become metadata. */
final class FrontMatter {
    private static final int MAX_LINES = 200;

    private FrontMatter() {}

    /** Reads front matter into the map; returns the index of the first line after it (0 if none). */
    static int read(String[] lines, Map<String, String> metadata) {
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            return 0;
        }
        for (int i = 1; i < lines.length && i < MAX_LINES; i++) {
            String line = lines[i];
            if (line.strip().equals("---") || line.strip().equals("...")) {
                for (int j = 1; j < i; j++) {
                    Matcher kv = LineKinds.match(LineKinds.KEY_VALUE, lines[j].strip());
                    if (kv != null && LineKinds.indent(lines[j]) == 0) {
                        metadata.putIfAbsent(
                                kv.group(1).strip(), unquote(kv.group(2).strip()));
                    }
                }
                return i + 1;
            }
            if (!line.isBlank()
                    && !line.startsWith(" ")
                    && !line.startsWith("-")
                    && !line.startsWith("#")
                    && line.indexOf(':') < 0) {
                return 0; // not YAML: a thematic break followed by prose
            }
        }
        return 0;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }
}
