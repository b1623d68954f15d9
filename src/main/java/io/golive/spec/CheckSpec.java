package io.golive.spec;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * One entry of the spec's {@code checks:} list, before its probe configuration is bound.
 *
 * @param item the item reference as written (an id or text), when the check verifies an item
 * @param criterion the Go/No-Go criterion reference as written (a row's name or id), when the check measures one
 * @param kind the probe key ("http", "tls" ...)
 * @param config the mapping under the probe key, {@code ${ENV}} substituted
 */
public record CheckSpec(
        int line,
        Optional<String> name,
        Optional<String> item,
        String kind,
        Node.MapNode config,
        Optional<Boolean> blocking,
        Optional<Duration> timeout,
        Optional<String> criterion) {
    public CheckSpec {
        requireNonNull(name, "null name");
        requireNonNull(item, "null item");
        requireNonNull(kind, "null kind");
        requireNonNull(config, "null config");
        requireNonNull(blocking, "null blocking");
        requireNonNull(timeout, "null timeout");
        requireNonNull(criterion, "null criterion");
    }

    /** A check that measures no criterion. */
    public CheckSpec(
            int line,
            Optional<String> name,
            Optional<String> item,
            String kind,
            Node.MapNode config,
            Optional<Boolean> blocking,
            Optional<Duration> timeout) {
        this(line, name, item, kind, config, blocking, timeout, Optional.empty());
    }

    /** A name for people: the check's own, else its item or criterion reference, else kind and line. */
    public String label() {
        return name.or(() -> item).or(() -> criterion).orElse(kind + " at line " + line);
    }
}
