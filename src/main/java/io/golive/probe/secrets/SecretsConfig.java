package io.golive.probe.secrets;

import io.golive.probe.ProbeConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code secrets:} check: a source tree scanned for committed credentials.
 *
 * @param path the folder (or file) to scan, relative to the spec's folder (default {@code .})
 * @param allow globs of paths, relative to {@code path}, whose findings are accepted
 */
public record SecretsConfig(String path, List<String> allow) implements ProbeConfig {
    public SecretsConfig {
        path = path == null || path.isBlank() ? "." : path;
        allow = allow == null ? List.of() : List.copyOf(allow);
    }

    @Override
    public List<String> validate() {
        List<String> problems = new ArrayList<>();
        for (String glob : allow) {
            try {
                java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + glob);
            } catch (IllegalArgumentException e) {
                problems.add("allow '" + glob + "' is not a glob: " + e.getMessage());
            }
        }
        return problems;
    }
}
