package io.golive.gate;

import static java.util.Objects.requireNonNull;

import io.golive.checklist.Criterion;
import io.golive.checklist.Item;
import io.golive.probe.Probe;
import io.golive.probe.ProbeConfig;
import io.golive.spec.CheckSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * A check ready to run: its spec, its probe and bound configuration, and the item it verifies or the
 * Go/No-Go criterion it measures.
 */
public record PlannedCheck(
        CheckSpec spec,
        Probe<?> probe,
        ProbeConfig config,
        Optional<Item> item,
        boolean blocking,
        Optional<Criterion> criterion) {
    public PlannedCheck {
        requireNonNull(spec, "null spec");
        requireNonNull(probe, "null probe");
        requireNonNull(config, "null config");
        requireNonNull(item, "null item");
        requireNonNull(criterion, "null criterion");
    }

    /** A check that measures no criterion. */
    public PlannedCheck(CheckSpec spec, Probe<?> probe, ProbeConfig config, Optional<Item> item, boolean blocking) {
        this(spec, probe, config, item, blocking, Optional.empty());
    }

    /** The check's name for people and reports. */
    public String name() {
        return spec.name()
                .or(() -> item.map(Item::text))
                .or(() -> criterion.map(Criterion::name))
                .orElse(spec.label());
    }

    /**
     * What the per-target limit counts against: the named target, else the scheme, host and port of the
     * check's URL, else "" (checks of no endpoint, such as files, share one key).
     */
    public String targetKey() {
        return config.target()
                .map(t -> "target:" + t)
                .or(() -> config.url().map(PlannedCheck::origin))
                .orElse("");
    }

    static String origin(String url) {
        try {
            URI u = new URI(url.strip());
            if (u.getHost() == null || u.getScheme() == null) {
                return "url:" + url.strip();
            }
            String scheme = u.getScheme().toLowerCase(Locale.ROOT);
            int port = u.getPort() != -1 ? u.getPort() : defaultPort(scheme);
            return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (URISyntaxException e) {
            return "url:" + url.strip();
        }
    }

    private static int defaultPort(String scheme) {
        return switch (scheme) {
            case "http", "ws" -> 80;
            case "https", "wss" -> 443;
            default -> -1;
        };
    }
}
