package io.golive.rollout;

import io.golive.spec.Node;
import io.golive.spec.Node.MapNode;
import io.golive.spec.Node.ScalarNode;
import io.golive.spec.Problems;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code webhook: {url, method, headers, body}}: {@code {weight}} may stand in the url and the body. */
final class WebhookActionKind implements ActionKind {
    private static final Set<String> KEYS = Set.of("url", "method", "headers", "body");
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private final HttpClient client;

    WebhookActionKind(HttpClient client) {
        this.client = client;
    }

    @Override
    public String key() {
        return "webhook";
    }

    @Override
    public Optional<Action> bind(Node config, ActionSite site, Problems problems) {
        String where = site.role() + ".webhook";
        if (!(config instanceof MapNode m)) {
            problems.add(
                    config.line(),
                    where
                            + ": expected a mapping such as {url: \"https://...\", method: PUT, body: '{\"percent\": {weight}}'}");
            return Optional.empty();
        }
        List<Map.Entry<Integer, String>> bad = new ArrayList<>();
        m.entries().keySet().stream()
                .filter(k -> !KEYS.contains(k))
                .forEach(k -> bad.add(Map.entry(
                        m.lineOf(k), where + ": unknown key '" + k + "' (known: body, headers, method, url)")));
        String url = text(m, "url").orElse("");
        if (!validUrl(url.replace("{weight}", "0"))) {
            bad.add(Map.entry(
                    m.lineOf("url"),
                    where + ".url: expected an http:// or https:// URL, got '"
                            + site.secrets().mask(url) + "'"));
        }
        String method = text(m, "method").orElse("POST").toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            bad.add(Map.entry(
                    m.lineOf("method"),
                    where + ".method: expected one of GET, POST, PUT, PATCH, DELETE, got '" + method + "'"));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        m.get("headers").ifPresent(h -> {
            if (h instanceof MapNode hm) {
                hm.entries().forEach((k, v) -> headers.put(k, v instanceof ScalarNode s ? s.text() : ""));
            } else {
                bad.add(Map.entry(h.line(), where + ".headers: expected a mapping of header names to values"));
            }
        });
        Optional<String> body = text(m, "body");
        if (!bad.isEmpty()) {
            bad.forEach(e -> problems.add(e.getKey(), e.getValue()));
            return Optional.empty();
        }
        return Optional.of(new WebhookAction(method, url, headers, body, site.secrets(), client));
    }

    private static boolean validUrl(String url) {
        try {
            URI u = URI.create(url);
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Optional<String> text(MapNode m, String key) {
        return m.get(key)
                .filter(n -> n instanceof ScalarNode s && s.value() != null)
                .map(n -> ((ScalarNode) n).text());
    }
}
