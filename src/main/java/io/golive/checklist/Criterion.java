package io.golive.checklist;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A row of a criteria table (Go/No-Go criteria, success metrics).
 *
 * @param name the metric as the row names it ("CFUR", "API Latency P95")
 * @param threshold the parsed limit, absent when the cell says something no grammar reads
 * @param raw the threshold cell as written (repaired)
 * @param table the heading the table stands under ("Go/No-Go Decision")
 * @param phase the phase of that heading
 */
public record Criterion(String name, Optional<Threshold> threshold, String raw, String table, Phase phase, int line) {
    public Criterion {
        requireNonNull(name, "null name");
        requireNonNull(threshold, "null threshold");
        requireNonNull(raw, "null raw");
        requireNonNull(table, "null table");
        requireNonNull(phase, "null phase");
    }

    /** The criterion's id, {@code table-slug/name-slug} ("go-no-go-decision/cfur"), as checks name it. */
    public String id() {
        return Slugs.slug(table) + "/" + Slugs.slug(name);
    }
}
