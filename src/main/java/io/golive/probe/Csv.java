package io.golive.probe;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Splits comma-separated lines (RFC 4180 quoting on one line) for the file-based probes. */
public final class Csv {
    private Csv() {}

    /** The fields of one line; a quoted field may hold commas and doubled quotes. */
    public static List<String> split(String line) {
        requireNonNull(line, "null line");
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    /** Column positions by name, case-insensitive, from a header line (a byte-order mark is ignored). */
    public static Map<String, Integer> header(String line) {
        requireNonNull(line, "null line");
        String l = line.startsWith("\uFEFF") ? line.substring(1) : line;
        Map<String, Integer> columns = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        List<String> names = split(l);
        for (int i = 0; i < names.size(); i++) {
            columns.putIfAbsent(names.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        return columns;
    }
}
