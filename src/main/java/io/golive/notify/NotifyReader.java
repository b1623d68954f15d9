package io.golive.notify;

import static java.util.Objects.requireNonNull;

import io.golive.spec.LaunchSpec;
import io.golive.spec.Node;
import io.golive.spec.Node.ListNode;
import io.golive.spec.Node.MapNode;
import io.golive.spec.Node.ScalarNode;
import io.golive.spec.Problems;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the spec's {@code notify:} list into {@link Destination}s. Every problem is collected as
 * {@code file:line: message} and thrown together.
 */
public final class NotifyReader {
    static final Set<String> WEBHOOK_KEYS = Set.of("webhook", "format", "events", "routingKey");
    static final Set<String> EMAIL_KEYS = Set.of("email", "smtp", "from", "events");
    static final Set<String> SMTP_KEYS = Set.of("host", "port", "username", "password", "starttls");

    private final String hostname;

    /** @param hostname the {@code HOSTNAME} of the default sender {@code golive@HOSTNAME} */
    public NotifyReader(String hostname) {
        this.hostname = requireNonNull(hostname, "null hostname");
    }

    /** A reader whose default sender names this machine. */
    public static NotifyReader forThisHost() {
        try {
            return new NotifyReader(InetAddress.getLocalHost().getHostName());
        } catch (UnknownHostException e) {
            return new NotifyReader("localhost");
        }
    }

    /**
     * The destinations of a spec.
     *
     * @param notify the spec's {@code notify:} value, {@code ${ENV}} substituted; empty when it has none
     */
    public List<Destination> read(LaunchSpec spec, Optional<Node> notify) {
        Problems problems = new Problems(spec.file().toString());
        List<Destination> out = new ArrayList<>();
        if (notify.isEmpty() || notify.get() instanceof ScalarNode s && s.value() == null) {
            return out;
        }
        if (!(notify.get() instanceof ListNode list)) {
            problems.add(
                    notify.get().line(), "'notify' must be a list (each entry starts with '- webhook:' or '- email:')");
            problems.throwIfAny();
            return out;
        }
        for (Node n : list.items()) {
            entry(n, out.size(), spec, problems).ifPresent(out::add);
        }
        problems.throwIfAny();
        return out;
    }

    private Optional<Destination> entry(Node n, int index, LaunchSpec spec, Problems problems) {
        if (n instanceof MapNode m
                && m.entries().containsKey("webhook") != m.entries().containsKey("email")) {
            return m.entries().containsKey("webhook")
                    ? webhook(m, index, spec, problems).map(d -> d)
                    : email(m, index, problems).map(d -> d);
        }
        problems.add(n.line(), "each 'notify' entry needs exactly one of 'webhook:' (a URL) or 'email:' (addresses)");
        return Optional.empty();
    }

    private Optional<WebhookDestination> webhook(MapNode m, int index, LaunchSpec spec, Problems problems) {
        unknownKeys(m, WEBHOOK_KEYS, "notify entry", problems);
        Set<Topic> events = events(m, problems);
        Optional<URI> url = text(m, "webhook", problems).flatMap(t -> url(t, m.lineOf("webhook"), problems));
        Format format = text(m, "format", problems)
                .map(f -> Format.webhook(f).orElseGet(() -> {
                    problems.add(
                            m.lineOf("format"), "unknown format '" + f + "' (known: json, pagerduty, slack, teams)");
                    return Format.JSON;
                }))
                .orElse(Format.JSON);
        Optional<String> routingKey = text(m, "routingKey", problems);
        if (format == Format.PAGERDUTY && routingKey.isEmpty()) {
            problems.add(
                    m.lineOf("format"),
                    "format pagerduty needs 'routingKey:' (the integration key, e.g. \"${PAGERDUTY_KEY}\")");
        }
        return url.map(u ->
                new WebhookDestination(index, m.line(), u, format, routingKey, events, Masks.url(u, spec.secrets())));
    }

    private Optional<EmailDestination> email(MapNode m, int index, Problems problems) {
        unknownKeys(m, EMAIL_KEYS, "notify entry", problems);
        Set<Topic> events = events(m, problems);
        List<String> to = addresses(m.get("email").orElseThrow(), problems);
        Optional<String> from = text(m, "from", problems);
        from.filter(f -> !f.contains("@"))
                .ifPresent(f -> problems.add(m.lineOf("from"), "'from' must be an e-mail address"));
        Optional<Smtp> smtp = m.get("smtp").isEmpty()
                ? fail(problems, m.line(), "an 'email:' entry needs 'smtp: {host: ..., port: ...}'")
                : smtp(m.get("smtp").get(), problems);
        if (smtp.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new EmailDestination(index, m.line(), to, from.orElse("golive@" + hostname), smtp.get(), events));
    }

    private static Optional<Smtp> smtp(Node n, Problems problems) {
        if (!(n instanceof MapNode m)) {
            return fail(problems, n.line(), "'smtp' must be a mapping such as {host: smtp.example.com, port: 587}");
        }
        unknownKeys(m, SMTP_KEYS, "smtp key", problems);
        Optional<String> host = text(m, "host", problems);
        if (host.isEmpty()) {
            problems.add(m.line(), "'smtp' needs 'host:'");
        }
        boolean starttls = flag(m, "starttls", problems);
        int port = port(m, starttls ? 587 : 25, problems);
        Optional<String> user = text(m, "username", problems);
        Optional<String> password = text(m, "password", problems);
        if (user.isPresent() != password.isPresent()) {
            problems.add(m.line(), "'smtp' needs both 'username:' and 'password:' or neither");
        }
        return host.map(h -> new Smtp(h, port, user, password, starttls));
    }

    private static Set<Topic> events(MapNode m, Problems problems) {
        Optional<Node> node = m.get("events");
        if (node.isEmpty()) {
            return EnumSet.allOf(Topic.class);
        }
        List<Node> items = node.get() instanceof ListNode l ? l.items() : List.of(node.get());
        Set<Topic> out = EnumSet.noneOf(Topic.class);
        for (Node i : items) {
            String key = i instanceof ScalarNode s ? s.text() : "";
            Topic.of(key)
                    .ifPresentOrElse(
                            out::add,
                            () -> problems.add(
                                    i.line(),
                                    "unknown event '" + key + "' (known: decision, overdue, rollout, signoff)"));
        }
        return out;
    }

    private static List<String> addresses(Node n, Problems problems) {
        List<Node> items = n instanceof ListNode l ? l.items() : List.of(n);
        List<String> out = new ArrayList<>();
        for (Node i : items) {
            if (i instanceof ScalarNode s && s.value() instanceof String a && a.matches("[^@\\s]+@[^@\\s]+")) {
                out.add(a);
            } else {
                problems.add(i.line(), "'email' must be an address or a list of addresses (release@example.com)");
            }
        }
        return out;
    }

    private static Optional<URI> url(String text, int line, Problems problems) {
        try {
            URI u = new URI(text);
            if (("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null) {
                return Optional.of(u);
            }
        } catch (java.net.URISyntaxException e) {
            // reported below, without the URL: it may hold a token
        }
        problems.add(line, "'webhook' must be an http:// or https:// URL with a host");
        return Optional.empty();
    }

    private static int port(MapNode m, int fallback, Problems problems) {
        Optional<Node> n = m.get("port");
        if (n.isEmpty()) {
            return fallback;
        }
        if (n.get() instanceof ScalarNode s && s.value() instanceof Long p && p > 0 && p < 65536) {
            return p.intValue();
        }
        problems.add(m.lineOf("port"), "'port' must be a number from 1 to 65535");
        return fallback;
    }

    private static boolean flag(MapNode m, String key, Problems problems) {
        Optional<Node> n = m.get(key);
        if (n.isEmpty()) {
            return false;
        }
        if (n.get() instanceof ScalarNode s && s.value() instanceof Boolean b) {
            return b;
        }
        problems.add(m.lineOf(key), "'" + key + "' must be true or false");
        return false;
    }

    private static Optional<String> text(MapNode m, String key, Problems problems) {
        Optional<Node> n = m.get(key);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        if (n.get() instanceof ScalarNode s
                && s.value() != null
                && !(s.value() instanceof Boolean)
                && !s.text().isBlank()) {
            return Optional.of(s.text());
        }
        problems.add(m.lineOf(key), "'" + key + "' must be a text value");
        return Optional.empty();
    }

    private static void unknownKeys(MapNode m, Set<String> known, String what, Problems problems) {
        m.entries().keySet().stream()
                .filter(k -> !known.contains(k))
                .forEach(k -> problems.add(
                        m.lineOf(k),
                        "unknown " + what + " '" + k + "' (known: " + String.join(", ", new TreeSet<>(known)) + ")"));
    }

    private static <T> Optional<T> fail(Problems problems, int line, String message) {
        problems.add(line, message);
        return Optional.empty();
    }
}
