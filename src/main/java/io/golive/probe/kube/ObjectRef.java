package io.golive.probe.kube;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An object named in a check: {@code ns/name}, or {@code name} in the check's namespace.
 *
 * @param namespace the namespace written before the slash, if any
 * @param name the object's name
 */
record ObjectRef(Optional<String> namespace, String name) {
    /** A DNS-1123 name or label, as Kubernetes names objects and namespaces. */
    static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");

    /**
     * Reads {@code ns/name} or {@code name}.
     *
     * @throws IllegalArgumentException naming the key and the accepted form
     */
    static ObjectRef parse(String key, String written) {
        String s = written == null ? "" : written.strip();
        String[] parts = s.split("/", -1);
        if (parts.length > 2
                || parts[parts.length - 1].isEmpty()
                || !parts[parts.length - 1].matches(NAME.pattern())
                || parts.length == 2 && !parts[0].matches(NAME.pattern())) {
            throw new IllegalArgumentException(
                    key + ": '" + written + "' is not a name (write NAMESPACE/NAME or NAME, lower case)");
        }
        return parts.length == 2
                ? new ObjectRef(Optional.of(parts[0]), parts[1])
                : new ObjectRef(Optional.empty(), parts[0]);
    }

    /** The namespace to look in: the written one, else the check's. */
    String namespaceOr(String fallback) {
        return namespace.orElse(fallback);
    }

    /** As shown in summaries: always {@code ns/name}. */
    String shown(String fallback) {
        return namespaceOr(fallback) + "/" + name;
    }
}
