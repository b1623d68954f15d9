package io.golive.probe.file;

import io.golive.probe.ProbeConfig;
import io.golive.spec.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A {@code file:} check: a document, a report or the newest backup.
 *
 * @param path relative to the spec's folder; may hold glob patterns ({@code backups/*.dump})
 * @param maxAge how old the newest match may be (an RPO such as {@code 15m}); else an inherited time
 *     threshold of the bound item applies
 * @param minBytes the least size of the newest match
 * @param contains a regex the newest match must contain (first 4 MB)
 */
public record FileConfig(String path, String maxAge, Long minBytes, String contains) implements ProbeConfig {
    @Override
    public List<String> validate() {
        List<String> problems = new ArrayList<>();
        if (path == null || path.isBlank()) {
            problems.add("path is required");
        }
        if (maxAge != null) {
            try {
                Durations.parse(maxAge);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (contains != null) {
            try {
                Pattern.compile(contains);
            } catch (PatternSyntaxException e) {
                problems.add("contains is not a valid regex: " + e.getDescription());
            }
        }
        return problems;
    }
}
