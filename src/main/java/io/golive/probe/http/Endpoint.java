package io.golive.probe.http;

import io.golive.probe.Observation;
import io.golive.spec.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where an HTTP check goes and how: a {@code url}, or a named target plus a {@code path}; TLS settings
 * and headers from the target, overridden by the check's own.
 */
public record Endpoint(URI uri, boolean insecure, Optional<String> trust, Map<String, String> headers) {
    /** The fields every HTTP-family config shares. */
    public interface Fields {
        Optional<String> url();

        Optional<String> target();

        String path();

        Map<String, String> headers();

        Boolean insecure();

        String trust();
    }

    /** Problems with the location fields, for {@code validate()}. */
    public static List<String> validate(Fields f) {
        List<String> problems = new ArrayList<>();
        if (f.url().isPresent() == f.target().isPresent()) {
            problems.add("give either url or target (+ path)");
        }
        f.url().ifPresent(u -> {
            try {
                URI uri = new URI(u);
                if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                    problems.add("url must be http:// or https:// with a host: " + u);
                }
            } catch (URISyntaxException e) {
                problems.add("bad url '" + u + "': " + e.getReason());
            }
        });
        return problems;
    }

    /**
     * Runs a check of the HTTP family; a bad url, duration or header that reached the probe (a target's
     * url is only known at run time) is an ERROR observation naming it, never an exception.
     */
    static Observation guarded(Supplier<Observation> check) {
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            return Observation.error("bad configuration: " + e.getMessage());
        }
    }

    /** Resolves the endpoint against the spec's targets; empty when the target has no usable url. */
    public static Endpoint of(Fields f, Map<String, Target> targets) {
        Optional<Target> target = f.target().map(targets::get);
        String base = f.url()
                .or(() -> target.flatMap(Target::url))
                .orElseThrow(() ->
                        new IllegalArgumentException("target " + f.target().orElse("?") + " has no url"));
        String path = f.path() == null ? "" : f.path();
        URI uri;
        try {
            uri = new URI(join(base, path));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("bad url '" + join(base, path) + "': " + e.getReason(), e);
        }
        if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
            throw new IllegalArgumentException("url must be http:// or https:// with a host: " + join(base, path));
        }
        Map<String, String> headers =
                new LinkedHashMap<>(target.map(Target::headers).orElse(Map.of()));
        if (f.headers() != null) {
            headers.putAll(f.headers());
        }
        boolean insecure = f.insecure() != null
                ? f.insecure()
                : target.map(Target::insecure).orElse(false);
        Optional<String> trust = Optional.ofNullable(f.trust()).or(() -> target.flatMap(Target::trust));
        return new Endpoint(uri, insecure, trust, headers);
    }

    private static String join(String base, String path) {
        if (path.isEmpty()) {
            return base;
        }
        boolean slashBase = base.endsWith("/");
        boolean slashPath = path.startsWith("/");
        if (slashBase && slashPath) {
            return base + path.substring(1);
        }
        return slashBase || slashPath ? base + path : base + "/" + path;
    }

    /** host:port for messages. */
    String authority() {
        int port = uri.getPort() > 0 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80;
        return uri.getHost() + ":" + port;
    }
}
