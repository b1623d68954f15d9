package io.golive.server.launch;

import io.golive.InputException;
import io.golive.checklist.Checklist;
import io.golive.server.store.LaunchStore.Version;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One version of a launch with its checklists imported as one (immutable, so cached per version).
 *
 * @param markdown the text of each checklist by name, as imported (mojibake repaired)
 */
public record ParsedVersion(Version version, Checklist checklist, Map<String, String> markdown) {
    public ParsedVersion {
        markdown = Collections.unmodifiableMap(new LinkedHashMap<>(markdown)); // in the spec's order
    }

    /** The one checklist's text, for the Markdown report; 400 when the launch has several. */
    public String singleMarkdown() {
        if (markdown.size() != 1) {
            throw new InputException(
                    "format md writes one checklist back; this launch has " + markdown.size()
                            + " (use json, junit, html or pdf)",
                    List.of());
        }
        return markdown.values().iterator().next();
    }
}
