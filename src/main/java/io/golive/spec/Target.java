package io.golive.spec;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A named endpoint of the spec ({@code api: {url: ..., insecure: true}}), with {@code ${ENV}} already
 * substituted. Fields are kept as written; probes read the ones they understand.
 */
public record Target(String name, Map<String, Object> fields) {
    public Target {
        requireNonNull(name, "null name");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public Optional<String> string(String key) {
        Object v = fields.get(key);
        return v == null ? Optional.empty() : Optional.of(v.toString());
    }

    public Optional<String> url() {
        return string("url");
    }

    public boolean insecure() {
        return Boolean.parseBoolean(string("insecure").orElse("false"));
    }

    /** A PEM file of trusted certificates, relative to the spec's folder. */
    public Optional<String> trust() {
        return string("trust");
    }

    @SuppressWarnings("unchecked")
    public Map<String, String> headers() {
        Object v = fields.get("headers");
        if (!(v instanceof Map<?, ?> m)) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        ((Map<String, Object>) m).forEach((k, val) -> out.put(k, String.valueOf(val)));
        return out;
    }
}
