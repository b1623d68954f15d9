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
            // kubernetes (seed 003's infrastructure items): first, so that "SSL certificates issued" and
            // "Monitoring stack deployed" read as cluster objects rather than as a TLS endpoint or a metric.
            rule(
                    "kubernetes (cluster )?version|cluster version",
                    "kubernetes",
                    "{ }",
                    "reads the API server's version; the item's \"(1.24+)\" is the least one (or set minVersion)"),
            rule("namespaces? (created|exist)", "kubernetes", "{ namespaces: [default] }", "the namespaces"),
            rule(
                    "\\brbac\\b",
                    "kubernetes",
                    "{ can: { \"create deployments -n default\": true, \"get secrets -n default\": false } }",
                    "what the deploying identity may and may not do"),
            rule("storage ?class", "kubernetes", "{ defaultStorageClass: true }", ""),
            rule(
                    "network (security )?polic",
                    "kubernetes",
                    "{ networkPolicies: [default] }",
                    "namespaces that need a policy, or NS/NAME"),
            rule("ingress controller", "kubernetes", "{ ingressClass: nginx }", "the IngressClass name, or \"*\""),
            rule("cert-manager", "kubernetes", "{ certManager: true }", ""),
            rule(
                    "monitoring stack",
                    "kubernetes",
                    "{ deployments: [monitoring/prometheus-server, monitoring/grafana] }",
                    "the monitoring deployments as NS/NAME"),
            rule(
                    "certificates? issued",
                    "kubernetes",
                    "{ certificates: [default], minDaysValid: 14 }",
                    "namespaces of the cert-manager Certificates, or NS/NAME"),
            rule("application pods", "kubernetes", "{ pods: [default], maxRestarts: 3 }", "NS or NS/app=NAME"),
            rule("auto-?scaling", "kubernetes", "{ hpa: [default/app] }", "the HorizontalPodAutoscalers as NS/NAME"),
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

    private static Rule rule(String regex, String kind, String fields, String hint) {
        return new Rule(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), new Suggestion(kind, fields, hint));
    }

    /** The first probe whose words the text uses. */
    public static Optional<Suggestion> forText(String text) {
        for (Rule r : RULES) {
            if (r.words().matcher(text).find()) {
                return Optional.of(r.suggestion());
            }
        }
        return Optional.empty();
    }
}
