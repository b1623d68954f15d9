package io.golive.server.launch;

import static java.util.Objects.requireNonNull;

import io.golive.InputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a launch is made of, as uploaded: the spec's YAML text and its checklists' Markdown by file
 * name (the names the spec's {@code checklist:} refers to).
 */
public record LaunchSources(String spec, Map<String, String> checklists) {
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._ -]{0,200}");
    static final int MAX_FILES = 20;

    public LaunchSources {
        requireNonNull(spec, "null spec");
        checklists = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(checklists));
    }

    /** Every problem with the file names: plain names, no folders, at most {@value #MAX_FILES}. */
    void requireValidNames() {
        List<String> problems = new ArrayList<>();
        if (checklists.isEmpty()) {
            problems.add("checklists: give at least one checklist, {\"NAME.md\": \"markdown\"}");
        }
        if (checklists.size() > MAX_FILES) {
            problems.add("checklists: at most " + MAX_FILES + " files");
        }
        for (String name : checklists.keySet()) {
            if (!FILE_NAME.matcher(name).matches() || name.contains("..") || name.equals(SpecFiles.SPEC_NAME)) {
                problems.add(
                        "checklists: '" + name + "' is not a plain file name (letters, digits, '.', '_', '-', ' ')");
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
    }
}
