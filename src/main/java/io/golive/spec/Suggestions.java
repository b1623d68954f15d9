package io.golive.spec;

import io.golive.checklist.Item;
import io.golive.checklist.Threshold;
import io.golive.checklist.Units;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which probe can verify an item, read from the item's words, with a starting configuration that
 * carries the item's own threshold and the document it names. An item whose text speaks of what only
 * people do (trainings, approvals, communication, reviews) gets none: a wrong suggestion misleads the
 * person filling the spec in more than a missing one.
 */
public final class Suggestions {
    /**
     * A suggested check.
     *
     * @param kind the probe key
     * @param fields the flow mapping under it, e.g. {@code { target: web, minDaysValid: 14 }}
     * @param hint what the user must fill in, or empty
     * @param timeout the check's time limit when the default (10 s) is too short, or empty
     */
    public record Suggestion(String kind, String fields, String hint, String timeout) {}

    /** A rule: words of the item's text, and the suggestion built for an item that uses them (none: manual). */
    private record Rule(Pattern words, Optional<Function<Item, Suggestion>> build) {}

    private static final Pattern DOCUMENT =
            Pattern.compile("\\b([\\w./-]+\\.(?:md|txt|pdf|adoc|rst|html|ya?ml|json))\\b", Pattern.CASE_INSENSITIVE);

    /** Suggestions that are the same for every item they fit. */
    private static final Function<Item, Suggestion> CORS = fixed("cors", "{ target: web, path: /api/ }", "");

    private static final Function<Item, Suggestion> HEADERS = fixed("headers", "{ target: web, path: / }", "");
    private static final Function<Item, Suggestion> AUTH =
            fixed("auth", "{ target: web, path: /api/admin }", "a path that needs credentials");
    private static final Function<Item, Suggestion> HTTP = fixed("http", "{ target: web, path: /health }", "");
    private static final Function<Item, Suggestion> KUBERNETES = fixed("kubernetes", "{ namespaces: [default] }", "");
    private static final Function<Item, Suggestion> REDIS =
            fixed("redis", "{ url: \"redis://127.0.0.1:6379\", requireAuth: true }", "");
    private static final Function<Item, Suggestion> POSTGRES = fixed(
            "postgres",
            "{ url: \"postgresql://app@127.0.0.1:5432/app\", password: \"${DB_PASSWORD}\", migrations: flyway }",
            "");

    /**
     * First match wins: words that name what a probe verifies whatever else the item says, then what
     * only people do (manual), then the broader probe words.
     */
    private static final List<Rule> RULES = List.of(
            // kubernetes (seed 003's infrastructure items): first, so that "SSL certificates issued" and
            // "Monitoring stack deployed" read as cluster objects rather than as a TLS endpoint or a metric.
            rule(
                    "kubernetes (cluster )?version|cluster version",
                    i -> of(
                            "kubernetes",
                            "{ }",
                            "reads the API server's version; the item's \"(1.24+)\" is the least one (or set minVersion)")),
            rule("namespaces? (created|exist)", i -> of("kubernetes", "{ namespaces: [default] }", "the namespaces")),
            rule(
                    "\\brbac\\b",
                    i -> of(
                            "kubernetes",
                            "{ can: { \"create deployments -n default\": true, \"get secrets -n default\": false } }",
                            "what the deploying identity may and may not do")),
            rule("storage ?class", i -> of("kubernetes", "{ defaultStorageClass: true }", "")),
            rule(
                    "network (security )?polic",
                    i -> of(
                            "kubernetes",
                            "{ networkPolicies: [default] }",
                            "namespaces that need a policy, or NS/NAME")),
            rule(
                    "ingress controller",
                    i -> of("kubernetes", "{ ingressClass: nginx }", "the IngressClass name, or \"*\"")),
            rule("cert-manager", i -> of("kubernetes", "{ certManager: true }", "")),
            rule(
                    "monitoring stack",
                    i -> of(
                            "kubernetes",
                            "{ deployments: [monitoring/prometheus-server, monitoring/grafana] }",
                            "the monitoring deployments as NS/NAME")),
            rule(
                    "certificates? issued",
                    i -> of(
                            "kubernetes",
                            "{ certificates: [default], minDaysValid: 14 }",
                            "namespaces of the cert-manager Certificates, or NS/NAME")),
            rule("application pods", i -> of("kubernetes", "{ pods: [default], maxRestarts: 3 }", "NS or NS/app=NAME")),
            rule(
                    "auto-?scaling",
                    i -> of("kubernetes", "{ hpa: [default/app] }", "the HorizontalPodAutoscalers as NS/NAME")),
            rule("\\b(cors)\\b", CORS),
            rule("(security )?headers (configured|verified)|\\bhsts\\b|content-security-policy", HEADERS),
            rule(
                    "hard-?coded (credentials|secrets|passwords)|secrets? .*not in code|fallback secrets"
                            + "|environment variables secured|no (secrets|credentials) in",
                    i -> of("secrets", "{ path: . }", "the repository to scan")),
            rule(
                    "(telegram|slack|e-?mail|pagerduty) (notifications?|escalation|webhook)? ?(tested|working)"
                            + "|alert(ing)? delivery|alerting tested|alert override tested|configure alertmanager"
                            + "|alertmanager deployed",
                    i -> of("alertmanager", "{ url: \"http://127.0.0.1:9093\", receiver: default }", "the receiver")),
            rule("alert configured|alerts? rules? configured|metrics collected|\\bcfur\\b", Suggestions::prometheus),
            rule("dashboard authentication", AUTH),
            rule("restoration procedure tested", Suggestions::restore),
            rule(
                    "(plan|procedures?|policies|procedure) documented|runbook (prepared|created|documented)"
                            + "|runbooks created|document (step|recovery)",
                    Suggestions::document),
            rule(
                    "\\btrain(ed|ing)\\b|approv|sign(ed)?[ -]off|\\blegal\\b|licen[cs]e|compliance|agreements?\\b"
                            + "|stakeholder|communicat|\\bnotif|briefed|assembled|confidence|feedback|lessons"
                            + "|as needed|based on|acceptance testing|kill switch|\\brotat|on-call|contacts?\\b"
                            + "|dashboards?\\b|grafana|\\blog(s|ging)?\\b|\\breview(?!ed and configured)|\\bdefined\\b"
                            + "|external apis|encryption|retention|fallback|chaos|caching|manifests|closely|watch for"
                            + "|metrics stable|tracking working|updated?\\b.*(runbook|documentation|guide)"
                            + "|(runbooks?|documentation|guide) updated|^documentation complete"
                            + "|\\bplan (prepared|reviewed|communicated|activated)"
                            + "|procedures? (validated|tested|ready|reviewed|established|in place)"
                            + "|rollback (plan|procedures?|scripts?)|(application|load balancer) ha\\b"
                            + "|recovery plan|objective|cross-region",
                    null),
            // A named document is checked where it is.
            rule("\\(see [\\w./-]+\\.\\w+\\)", Suggestions::namedDocument),
            rule("load test|concurrent users|req/s|stress test|\\d+x volume|load testing", Suggestions::load),
            rule("smoke tests?", HTTP),
            rule("coverage", Suggestions::coverage),
            rule(
                    "vulnerabilit|scan(ned|s)? (passed|completed|clean)|security scan|scanned|owasp|linting"
                            + "|(injection|xss|csrf) tests passed",
                    i -> of("report", "{ path: reports/scan.sarif, kind: sarif }", "where the scanner's SARIF is")),
            rule(
                    "tests? (passing|passed)|unit tests|integration tests|e2e tests",
                    i -> of("report", "{ path: target/surefire-reports, kind: junit }", "where the test reports are")),
            rule("\\bssl\\b|\\btls\\b|certificates?\\b", i -> of("tls", "{ target: web, minDaysValid: 14 }", "")),
            rule(
                    "rate limit|\\b429\\b|throttl",
                    i -> of(
                            "rateLimit",
                            "{ target: web, path: /api/login, requests: 50, within: 10s, expectStatus: 429 }",
                            "the limited path")),
            rule("\\bauc\\b|\\bece\\b|\\bair\\b|calibration|sample size", Suggestions::model),
            rule(
                    "unauthori[sz]ed|\\b40[13]\\b|access controls? (verified|enforced)|authori[sz]ation integration"
                            + "|authentication (working|implemented)",
                    AUTH),
            rule("\\bdns\\b", i -> of("dns", "{ name: app.example.com }", "the public name")),
            rule(
                    "restor(e|ation) (tested|validated)|test backup restoration|disaster recovery|recovery tested"
                            + "|validate backup procedures|backup verification|\\brto\\b",
                    Suggestions::restore),
            rule(
                    "backups? (automated|configured|runs|schedules?|hourly|daily|location)|automated (daily )?backups"
                            + "|create backup schedules|\\brpo\\b",
                    Suggestions::backups),
            rule("\\bredis\\b|eviction|(?<!session )persistence|memory limits|cluster health", REDIS),
            rule(
                    "\\bmigrations\\b|schema migrated|postgres|database (connectivity|query|schemas?|ha\\b)"
                            + "|\\bschema\\b|\\bindex(es)?\\b|replication|high availability|\\bwith ha\\b"
                            + "|data seeded|seed initial data",
                    POSTGRES),
            rule(
                    "kubernetes|namespaces?|\\brbac\\b|storage class|network (security )?polic|ingress|cert-manager"
                            + "|deployments? configured|services configured|service discovery|application pods"
                            + "|\\bpods?\\b|auto-?scaling",
                    KUBERNETES),
            rule(
                    "health ?(checks?|endpoints?)|endpoints? (respond|verified)|services? (reachable|restarted|deployed)"
                            + "|load balancer responding|external services",
                    HTTP),
            rule(
                    "\\bp9\\d\\b|latency|response times?|error rates?|\\bcpu\\b|memory|uptime|resource (usage|utilization)"
                            + "|prometheus|cache hit|metrics|alert rules|alerting rules|alerts?\\b|< ?\\d+ ?ms",
                    Suggestions::prometheus),
            rule("runbook|documented|\\w+ documentation (complete|published)|guide complete", Suggestions::document));

    /**
     * Rules for words whose probe depends on the section the item stands in ("Replication configured"
     * under Redis is not PostgreSQL's).
     */
    private static final List<Rule> IN_REDIS_SECTION =
            List.of(rule("replication|password|\\bha\\b|high availability|deployed|healthy", REDIS));

    private Suggestions() {}

    // A text that is a command line (a gate table's Verification cell "git log -- prereg.md"): run it.
    private static final Pattern COMMAND_LINE = Pattern.compile(
            "^(?:\\$\\s*)?(?:git|make|grep|curl|kubectl|psql|python3?|sh|bash|npm|mvn|gradle|\\./[\\w./-]+)\\s+\\S.*");

    private static Optional<Suggestion> commandLine(String text) {
        String t = text.strip();
        if (!COMMAND_LINE.matcher(t).matches()) {
            return Optional.empty();
        }
        String line = t.replaceFirst("^\\$\\s*", "").replace("\\", "\\\\").replace("\"", "\\\"");
        return Optional.of(of(
                "command",
                "{ run: [\"" + line + "\"], shell: true }",
                "the verification's command line: check that exit 0 means the gate holds"));
    }

    private static Rule rule(String regex, Function<Item, Suggestion> build) {
        return new Rule(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), Optional.ofNullable(build));
    }

    private static Function<Item, Suggestion> fixed(String kind, String fields, String hint) {
        Suggestion s = of(kind, fields, hint);
        return i -> s;
    }

    private static Suggestion of(String kind, String fields, String hint) {
        return new Suggestion(kind, fields, hint, "");
    }

    /**
     * The suggestion for an item: read from its text; from the bullets under it only when its text,
     * a heading such as "Load Test", says nothing either way.
     */
    public static Optional<Suggestion> forItem(Item item) {
        Optional<Rule> rule = item.id().replaceFirst("/.*", "").contains("redis")
                ? match(IN_REDIS_SECTION, item.text())
                : Optional.empty();
        rule = rule.or(() -> match(RULES, item.text()));
        if (rule.isEmpty() && !item.notes().isEmpty()) {
            Optional<Suggestion> run = commandLine(item.notes().getFirst());
            if (run.isPresent()) {
                return run;
            }
            rule = match(RULES, String.join("\n", item.notes()));
        }
        return rule.flatMap(Rule::build).map(b -> b.apply(item));
    }

    /** The suggestion for a text alone (an item without thresholds or bullets). */
    public static Optional<Suggestion> forText(String text) {
        return forItem(
                new Item("x", text, io.golive.checklist.ItemState.OPEN, true, 0, List.of(), List.of(), List.of()));
    }

    private static Optional<Rule> match(List<Rule> rules, String text) {
        return rules.stream().filter(r -> r.words().matcher(text).find()).findFirst();
    }

    private static Suggestion coverage(Item item) {
        return of(
                "report",
                "{ path: target/site/jacoco/jacoco.xml, kind: jacoco"
                        + expectOf(item, t -> t.unit().filter("%"::equals).isPresent(), false) + " }",
                "where the coverage report is");
    }

    private static Suggestion document(Item item) {
        return of("file", "{ path: docs/RUNBOOK.md, minBytes: 200 }", "the document's path");
    }

    private static Suggestion namedDocument(Item item) {
        Matcher m = DOCUMENT.matcher(item.text());
        String path = m.find() ? m.group(1) : "docs/RUNBOOK.md";
        return of("file", "{ path: " + path + ", minBytes: 200 }", "");
    }

    private static Suggestion model(Item item) {
        return of(
                "model",
                "{ predictions: predictions.csv, label: label, score: score, group: group"
                        + expectOf(item, t -> t.metric().isPresent(), true) + " }",
                "the predictions CSV");
    }

    private static Suggestion load(Item item) {
        Optional<Threshold> users = first(item, "users");
        Optional<Threshold> rate = first(item, "req/s");
        String size = users.map(t -> "users: " + (long) Math.ceil(t.value()))
                .or(() -> rate.map(t -> "rate: " + Units.format(t.value(), "") + "/s"))
                .orElse("users: 50");
        String expect = expectOf(
                item,
                t -> t.unit().filter(u -> Units.isTime(u) || u.equals("%")).isPresent(),
                true);
        return new Suggestion(
                "load",
                "{ target: web, path: /, " + size + ", duration: 30s" + expect + " }",
                users.isPresent() || rate.isPresent() ? "" : "the load the item means",
                "45s");
    }

    private static Suggestion restore(Item item) {
        String rto = item.criteria().stream()
                .filter(t -> t.unit().filter(Units::isTime).isPresent())
                .findFirst()
                .map(t -> Units.format(t.value(), t.unit().get()))
                .orElse("4h");
        return of(
                "command",
                "{ run: [./scripts/restore-drill.sh], maxDuration: " + rto + " }",
                "a script that restores a backup");
    }

    private static Suggestion backups(Item item) {
        String text = (item.text() + " " + String.join(" ", item.notes())).toLowerCase(Locale.ROOT);
        String age = text.contains("hourly") ? "1h" : "24h";
        String rpo = item.criteria().stream()
                .filter(t -> t.unit().filter(Units::isTime).isPresent())
                .findFirst()
                .map(t -> Units.format(t.value(), t.unit().get()))
                .orElse(age);
        return of("file", "{ path: \"backups/*.dump\", maxAge: " + rpo + " }", "where backups land");
    }

    private static Suggestion prometheus(Item item) {
        String words = (item.text() + " " + String.join(" ", item.notes())).toLowerCase(Locale.ROOT);
        if (words.matches("(?s).*\\balert(s|ing)?\\b.*")) {
            // An alert's threshold is when it fires, not what the launch needs: check the rule is loaded.
            return of("prometheus", "{ url: \"http://127.0.0.1:9090\", rule: \"...\" }", "the alert rule's name");
        }
        Optional<Threshold> t = item.criteria().stream().findFirst();
        String expect = t.map(x -> ", expect: \"" + x.expression() + "\"").orElse("");
        return of(
                "prometheus",
                "{ url: \"http://127.0.0.1:9090\", query: \"...\"" + expect + " }",
                "a PromQL query that measures it");
    }

    private static Optional<Threshold> first(Item item, String unit) {
        return item.criteria().stream()
                .filter(t -> t.unit().filter(unit::equals).isPresent())
                .findFirst();
    }

    /** The item's thresholds that pass {@code keep}, as an {@code expect:} entry ("" for none). */
    private static String expectOf(Item item, java.util.function.Predicate<Threshold> keep, boolean named) {
        List<String> kept = item.criteria().stream()
                .filter(keep)
                .map(t -> (named ? t.metric().map(m -> m + " ").orElse("") : "") + t.expression())
                .distinct()
                .toList();
        if (kept.isEmpty()) {
            return "";
        }
        return ", expect: [" + kept.stream().map(e -> "\"" + e + "\"").collect(Collectors.joining(", ")) + "]";
    }
}
