package io.golive.spec;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Which probe can verify an item, read from the item's words, with a starting configuration. */
public final class Suggestions {
    /**
     * A suggested check.
     *
     * @param kind the probe key
     * @param fields the flow mapping under it, e.g. {@code { target: web, minDaysValid: 14 }}
     * @param hint what the user must fill in, or empty
     */
    public record Suggestion(String kind, String fields, String hint) {}

    private record Rule(Pattern words, Suggestion suggestion) {}

    private static final List<Rule> RULES = List.of(
            rule("\\bssl\\b|\\btls\\b|certificate", "tls", "{ target: web, minDaysValid: 14 }", "set targets.web.url"),
            rule("security headers|\\bhsts\\b|content-security-policy", "headers", "{ target: web, path: / }", ""),
            rule("\\bcors\\b", "cors", "{ target: web, path: /api/ }", ""),
            rule(
                    "rate limit|\\b429\\b|throttl",
                    "rateLimit",
                    "{ target: web, path: /api/login, requests: 50, within: 10s, expectStatus: 429 }",
                    "set the limited path"),
            rule(
                    "unauthori[sz]ed|\\b40[13]\\b|access controls?|authori[sz]ation (tests?|integration|enforced)|authentication (tests?|working|implemented)",
                    "auth",
                    "{ target: web, path: /api/admin }",
                    "a path that needs credentials"),
            rule(
                    "health ?(check|endpoint)s?|endpoints? respond|smoke tests?|services? (reachable|responding)|load balancer responding|api endpoints responding",
                    "http",
                    "{ target: web, path: /health }",
                    ""),
            rule("\\bdns\\b", "dns", "{ name: app.example.com }", "the public name"),
            rule(
                    "restor(e|ation)|disaster recovery|failover test|\\brto\\b",
                    "command",
                    "{ run: [./scripts/restore-drill.sh], maxDuration: 4h }",
                    "a script that restores a backup"),
            rule(
                    "backups? (automated|configured|runs|schedule|hourly|daily|verification)|automated backups|\\brpo\\b|snapshot",
                    "file",
                    "{ path: \"backups/*.dump\", maxAge: 24h }",
                    "where backups land"),
            rule(
                    "hard-?coded|secrets? (stored|in code|management)|no secrets|credentials in",
                    "secrets",
                    "{ path: . }",
                    ""),
            rule(
                    "migrat|postgres|database (connectivity|health|schema)|\\bindex(es)?\\b|connection pool",
                    "postgres",
                    "{ url: \"postgresql://app@127.0.0.1:5432/app\", password: \"${DB_PASSWORD}\", migrations: flyway }",
                    ""),
            rule(
                    "\\bredis\\b|\\bcache\\b.*(persist|evict)|eviction",
                    "redis",
                    "{ url: \"redis://127.0.0.1:6379\", requireAuth: true }",
                    ""),
            rule(
                    "load test|concurrent users|req/s|stress test|throughput",
                    "load",
                    "{ url: \"http://127.0.0.1:8080/\", rate: 1000/s, duration: 60s }",
                    ""),
            rule("\\balert", "alertmanager", "{ url: \"http://127.0.0.1:9093\", receiver: default }", ""),
            rule(
                    "latency|\\bp9\\d\\b|error rate|\\bcpu\\b|memory|uptime|prometheus|cache hit|metrics",
                    "prometheus",
                    "{ url: \"http://127.0.0.1:9090\", query: \"up\", expect: \">= 1\" }",
                    "a PromQL query"),
            rule(
                    "\\bauc\\b|\\bece\\b|\\bair\\b|fairness|calibration|bias",
                    "model",
                    "{ predictions: predictions.csv, label: label, score: score, group: group }",
                    ""),
            rule(
                    "kubernetes|namespace|ingress|cert-manager|deployments?|\\bpods?\\b|\\bhpa\\b|auto-?scaling",
                    "kubernetes",
                    "{ namespaces: [default] }",
                    ""),
            rule(
                    "coverage|tests? (passing|passed)|unit tests|integration tests|e2e|vulnerabilit|scan (passed|completed|clean)|owasp",
                    "report",
                    "{ path: target/surefire-reports, kind: junit }",
                    "where the report is"),
            rule(
                    "runbook|documented|documentation|model card|policy (reviewed|documented)|guide complete",
                    "file",
                    "{ path: docs/RUNBOOK.md }",
                    "the document's path"));

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
        return Optional.of(new Suggestion(
                "command",
                "{ run: [\"" + line + "\"], shell: true }",
                "the verification's command line: check that exit 0 means the gate holds"));
    }

    private static Rule rule(String regex, String kind, String fields, String hint) {
        return new Rule(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), new Suggestion(kind, fields, hint));
    }

    /** The first probe whose words the text uses. */
    public static Optional<Suggestion> forText(String text) {
        Optional<Suggestion> run = commandLine(text);
        if (run.isPresent()) {
            return run;
        }
        for (Rule r : RULES) {
            if (r.words().matcher(text).find()) {
                return Optional.of(r.suggestion());
            }
        }
        return Optional.empty();
    }
}
